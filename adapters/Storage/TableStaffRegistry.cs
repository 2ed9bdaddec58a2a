using Azure.Data.Tables;
using ECourt.Application.Assignment;
using ECourt.Domain;
using ECourt.Domain.Assignment;

namespace ECourt.Adapters.Storage;

/// <summary>
/// A court's staff registry: "staff|{court}" rows of the case index table, one per member (a few hundred a court, read whole
/// when a case is assigned by the rule), each a point read for a caller's division.
/// </summary>
public sealed class TableStaffRegistry(StorageClients storage) : IStaffRegistry
{
    private static string Partition(string court) => "staff|" + court;

    public async Task<StaffMember?> FindAsync(string court, string userId, CancellationToken ct = default)
    {
        var found = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(Partition(court), TableKeys.Encode(userId),
            cancellationToken: ct);
        return found.HasValue && found.Value is { } row ? Member(court, row) : null;
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(string court, CancellationToken ct = default)
    {
        var members = new List<StaffMember>();
        await foreach (var row in storage.CaseIndex.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition(court)}"), cancellationToken: ct))
            members.Add(Member(court, row));
        return members.OrderBy(m => m.UserId, StringComparer.Ordinal).ToList();
    }

    public async Task PutAsync(StaffMember member, CancellationToken ct = default) =>
        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(Partition(member.Court), TableKeys.Encode(member.UserId))
        {
            ["UserId"] = member.UserId,
            ["Name"] = member.Name,
            ["Division"] = member.Division.WireName(),
            ["Roles"] = string.Join(',', member.Roles.Order(StringComparer.Ordinal)),
            ["Active"] = member.Active,
        }, TableUpdateMode.Replace, ct);

    private static StaffMember Member(string court, TableEntity row)
    {
        WireNames.TryParse<Division>(row.GetString("Division"), out var division);
        return new StaffMember(row.GetString("UserId") ?? row.RowKey, row.GetString("Name") ?? "", court, division,
            (row.GetString("Roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            row.GetBoolean("Active") ?? false);
    }
}
