using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Calendar;
using ECourt.Domain.Fees;
using ECourt.Domain.Money;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Fees;

/// <summary>
/// GET /api/cases/{caseId}/ledger: the case's fee account, every credit with the bank's transaction id, and the balance
/// against the fee due (Payments keeps the ledger, Fees says what it means for the fee).
/// </summary>
public sealed class FeeLedgerFunctions(ApiEndpoint endpoint, ReadLedger ledger)
{
    public sealed record LedgerEntryView(string EntryId, [property: OneOf(typeof(LedgerEntryKind))] string Kind, string Amount,
        string BankCode, string BankTransactionId,
        DateTimeOffset BookedAt, DateTimeOffset RecordedAt);

    public sealed record LedgerView(string CaseId, string? AccountNumber, string Balance, string AmountDue, string AmountPaidInTime,
        IReadOnlyList<LedgerEntryView> Entries);

    [ApiOperation("fees", "The case account: every entry with the bank's transaction id, and the balance.", Response = typeof(LedgerView),
        Problems = [401, 404], Headers = ["ETag"],
        Description = "The case's account: every entry booked to it (bank credits; for an enforcement case, payouts to the creditor) "
            + "with the "
            + "bank's code and transaction id, and the balance (received less paid out). For the filing side (the filer, the plaintiffs "
            + "and their "
            + "representatives), the case staff and the finance staff of the case's court; the other side never sees it. A payment shows "
            + "here once the bank's credit message is booked; whether the fee is settled is the fee notice's `paid` in the case.")]
    [Function("GetLedger")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/ledger")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "GetLedger", caseId, grant =>
        {
            var read = ledger.Run(grant);
            var notice = read.File.Case.FeeNotice;
            return Task.FromResult<IActionResult>(new ApiResult(new LedgerView(caseId, read.AccountNumber,
                Yuan.Format(read.Balance), Yuan.Format(notice?.AmountDue ?? 0m),
                Yuan.Format(notice?.AmountPaidInTime ?? 0m),
                read.Entries.Select(e => new LedgerEntryView(e.EntryId, e.Kind, Yuan.Format(e.Amount), e.BankCode, e.BankTransactionId,
                    ChinaTime.ToChinaTime(e.BookedAt), ChinaTime.ToChinaTime(e.RecordedAt))).ToList())));
        });
}
