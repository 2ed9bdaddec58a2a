using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Cases;

/// <summary>GET /api/cases/{caseId}/ledger: the case account, every entry with the bank's transaction id, and the balance.</summary>
public sealed class LedgerFunctions(ApiEndpoint endpoint, ICaseStore store)
{
    public sealed record LedgerEntryView(string EntryId, string Kind, string Amount, string BankCode, string BankTransactionId, DateTimeOffset BookedAt, DateTimeOffset RecordedAt);

    public sealed record LedgerView(string CaseId, string? AccountNumber, string Balance, string AmountDue, string AmountPaidInTime, IReadOnlyList<LedgerEntryView> Entries);

    [Function("GetLedger")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/ledger")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            if (!Domain.Cases.CaseId.IsValid(caseId)) throw ApiProblem.NotFound("such case");
            var file = await store.GetFileAsync(caseId, req.HttpContext.RequestAborted);
            // Finance staff of the case's court see its account, as do those who see the case.
            if (file is null || !(CaseVisibility.CanSee(caller, file.Case) || caller.IsStaffOf(file.Case.Court, Roles.Finance)))
                throw ApiProblem.NotFound("such case");
            var notice = file.Case.FeeNotice;
            return new ApiResult(new LedgerView(caseId, notice?.AccountNumber, Yuan.Format(notice?.AmountPaid ?? 0m), Yuan.Format(notice?.AmountDue ?? 0m),
                Yuan.Format(notice?.AmountPaidInTime ?? 0m),
                file.Ledger.Select(e => new LedgerEntryView(e.EntryId, e.Kind, Yuan.Format(e.Amount), e.BankCode, e.BankTransactionId,
                    ChinaTime.ToChinaTime(e.BookedAt), ChinaTime.ToChinaTime(e.RecordedAt))).ToList()))
                .WithHeader("ETag", file.ETag);
        });
}
