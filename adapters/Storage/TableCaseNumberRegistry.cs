using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Numbering;
using ECourt.Domain.Numbering;

namespace ECourt.Adapters.Storage;

/// <summary>
/// One partition per court and case type: a counter row per year ("counter|2026") and one claim row
/// per case ("case|{caseId}"). A number is taken by one transaction that moves the year's counter
/// (ETag-checked) and writes the case's claim, so two registrations never get the same number, a lost
/// race just retries, and a registration that runs again after a crash, even in a new year, finds
/// its claim and gets the same number: no gaps, no duplicates.
/// </summary>
public sealed class TableCaseNumberRegistry(StorageClients storage) : ICaseNumberRegistry
{
    private TableClient Table => storage.CaseNumbers;

    public async Task<CaseNumber> AllocateAsync(string court, int year, string typeCode, string caseId, CancellationToken ct = default)
    {
        var partition = $"{court}|{typeCode}";
        var claimRow = "case|" + caseId;
        var counterRow = $"counter|{year}";
        return await ConflictRetry.RunAsync($"Case numbers of {partition}", async _ =>
        {
            var claim = await Table.GetEntityIfExistsAsync<TableEntity>(partition, claimRow, cancellationToken: ct);
            if (claim.HasValue)
                return ConflictRetry.Attempt<CaseNumber>.Success(new CaseNumber(claim.Value!.GetInt32("Year")!.Value, court, typeCode, claim.Value!.GetInt32("Sequence")!.Value));

            var counter = await Table.GetEntityIfExistsAsync<TableEntity>(partition, counterRow, cancellationToken: ct);
            var next = (counter.HasValue ? counter.Value!.GetInt32("Last")!.Value : 0) + 1;
            var counterEntity = new TableEntity(partition, counterRow) { ["Last"] = next };
            var counterAction = counter.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterEntity, counter.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, counterEntity);
            try
            {
                await Table.SubmitTransactionAsync(
                [
                    counterAction,
                    new(TableTransactionActionType.Add, new TableEntity(partition, claimRow) { ["Year"] = year, ["Sequence"] = next }),
                ], ct);
                return ConflictRetry.Attempt<CaseNumber>.Success(new CaseNumber(year, court, typeCode, next));
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another registration moved the counter first, or this case's claim was just written: read again.
                return ConflictRetry.Attempt<CaseNumber>.Lost;
            }
        }, ct);
    }
}
