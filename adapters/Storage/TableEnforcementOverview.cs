using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Enforcement;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The command centre's rows in a table of their own: partition the court, row the enforcement case's id, the row as JSON with its
/// case version, whether the case is open and its officer beside it (what a court's read filters on, in one partition query). A write
/// reads the row's version and replaces it under its ETag only when it is of the same case version or an earlier one; two writers
/// race on the ETag and the loser decides again on what is there.
/// </summary>
public sealed class TableEnforcementOverview(StorageClients storage) : IEnforcementOverview
{
    private TableClient Table => storage.EnforcementOverview;

    public Task<bool> PutAsync(EnforcementOverviewRow row, CancellationToken ct = default)
    {
        var entity = new TableEntity(row.Court, row.CaseId)
        {
            ["Version"] = row.Version,
            ["Open"] = row.IsOpen,
            ["Officer"] = row.Officer,
        };
        StoredJson.Write(entity, row);
        return ConflictRetry.RunAsync($"Overview row of case {row.CaseId}", async _ =>
        {
            var stored = await Table.GetEntityIfExistsAsync<TableEntity>(row.Court, row.CaseId, ["Version"], ct);
            try
            {
                if (!stored.HasValue)
                    await Table.AddEntityAsync(entity, ct);
                else if ((stored.Value!.GetInt32("Version") ?? 0) > row.Version)
                    return ConflictRetry.Attempt<bool>.Success(false);
                else
                    await Table.UpdateEntityAsync(entity, stored.Value.ETag, TableUpdateMode.Replace, ct);
                return ConflictRetry.Attempt<bool>.Success(true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return ConflictRetry.Attempt<bool>.Lost;
            }
        }, ct);
    }

    public async Task<IReadOnlyList<EnforcementOverviewRow>> ListOpenAsync(string court, string? officer, CancellationToken ct = default)
    {
        var filter = officer is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {court} and Open eq true")
            : TableClient.CreateQueryFilter($"PartitionKey eq {court} and Open eq true and Officer eq {officer}");
        var rows = new List<EnforcementOverviewRow>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            rows.Add(StoredJson.Read<EnforcementOverviewRow>(entity));
        return rows;
    }

    public async Task<EnforcementOverviewRow?> GetAsync(string court, string caseId, CancellationToken ct = default)
    {
        var stored = await Table.GetEntityIfExistsAsync<TableEntity>(court, caseId, cancellationToken: ct);
        return stored.HasValue ? StoredJson.Read<EnforcementOverviewRow>(stored.Value!) : null;
    }
}
