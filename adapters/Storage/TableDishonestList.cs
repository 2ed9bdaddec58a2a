using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Enforcement;
using ECourt.Domain.Enforcement;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The public dishonest list: "dishonest|{hash of the name}" rows of the case index table (a name may hold characters a partition key
/// may not), one per debtor listed in a case ("{caseId}|{debtor}"), so a search by name is one partition query. Only what the public
/// list shows is stored.
/// </summary>
public sealed class TableDishonestList(StorageClients storage) : IDishonestList
{
    private static string Partition(string name) =>
        "dishonest|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim()))[..16]);

    private static string Row(string caseId, int debtor) => $"{caseId}|{debtor}";

    /// <summary>More entries under one name than anyone reads (namesakes across the country's courts).</summary>
    private const int MaxPerName = 500;

    public async Task PutAsync(PublicListing l, CancellationToken ct = default) =>
        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(Partition(l.Name), Row(l.CaseId, l.Debtor))
        {
            ["Name"] = l.Name,
            ["IdNumber"] = l.IdNumber,
            ["IdSuffix"] = l.IdSuffix,
            ["Court"] = l.Court,
            ["CaseNumber"] = l.CaseNumber,
            ["Ground"] = l.Ground.ToString(),
            ["ListedSince"] = l.ListedSince.ToString("yyyy-MM-dd"),
            ["CaseId"] = l.CaseId,
            ["Debtor"] = l.Debtor,
        }, TableUpdateMode.Replace, ct);

    public async Task RemoveAsync(string name, string caseId, int debtor, CancellationToken ct = default)
    {
        try
        {
            await storage.CaseIndex.DeleteEntityAsync(Partition(name), Row(caseId, debtor), ETag.All, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed already.
        }
    }

    public async Task<IReadOnlyList<PublicListing>> FindAsync(string name, CancellationToken ct = default)
    {
        var (rows, _) = await PartitionPages.ReadAsync(storage.CaseIndex, Partition(name), MaxPerName, null, ct);
        return rows.Where(r => r.GetString("Name") == name.Trim()).Select(r => new PublicListing(r.GetString("Name")!,
            r.GetString("IdNumber") ?? "", r.GetString("IdSuffix") ?? "", r.GetString("Court") ?? "", r.GetString("CaseNumber") ?? "",
            Enum.Parse<DishonestGround>(r.GetString("Ground")!), DateOnly.Parse(r.GetString("ListedSince")!,
                System.Globalization.CultureInfo.InvariantCulture), r.GetString("CaseId") ?? "", r.GetInt32("Debtor") ?? 0)).ToList();
    }
}
