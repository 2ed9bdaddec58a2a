using ECourt.Application.Payments;
using ECourt.Domain.Calendar;
using ECourt.Domain.Money;
using ECourt.Domain.Payments;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Payments;

/// <summary>
/// Finance staff's suspense ledger: their court's deposits that matched no open case, claiming one to its case, and releasing
/// a reservation for the wrong case.
/// </summary>
public sealed class SuspenseFunctions(ApiEndpoint endpoint, ListSuspense list, ClaimSuspense claims, ReleaseSuspense releases,
    TimeProvider clock)
{
    public sealed record SuspenseItem(string EntryId, string BankCode, string BankTransactionId, string AccountNumber, string Amount,
        DateTimeOffset BookedAt, string? PayerName, string? PayerAccount, string Reason, DateTimeOffset RecordedAt, string? ClaimBy,
            bool Overdue,
        string? ClaimedToCase, bool ClaimPending);

    public sealed record ClaimAnswer(SuspenseItem Item, string CaseId, Domain.Cases.CaseStatus CaseStatus, string AmountPaid);

    /// <param name="Outcome">
    /// released: reserved for no case now; claimed: the reserved case's ledger had the credit, so the claim was completed
    /// </param>
    /// <param name="CaseId">the case the deposit was reserved for (released) or is claimed to; null when it was reserved for none</param>
    public sealed record ReleaseAnswer(SuspenseReleaseOutcome Outcome, SuspenseItem Item, string? CaseId);

    private static SuspenseItem View(SuspenseEntry e, bool overdue) => new(e.EntryId, e.Credit.BankCode, e.Credit.BankTransactionId,
        e.Credit.AccountNumber, Yuan.Format(e.Credit.Amount), ChinaTime.ToChinaTime(e.Credit.BookedAt), e.Credit.PayerName,
            e.Credit.PayerAccount,
        e.Reason, ChinaTime.ToChinaTime(e.RecordedAt), e.ClaimBy?.LastDay.ToString("yyyy-MM-dd"), overdue, e.Claim?.CaseId,
            e.Claim is { Completed: false });

    [ApiOperation("finance", "The caller's court's deposits that matched no open case (those paid into its account range, and, for "
        + "the court so configured, those in no court's range), oldest first, with their claim deadline and overdue flag.",
        Response = typeof(ListAnswer<SuspenseItem>), Problems = [400, 401, 403], Paged = true, Headers = ["ETag"],
        Description = "Finance staff (role finance) list their court's deposits that matched no open case (paid into the court's account "
            + "range and, for the court so configured, into no court's range), oldest first. Each is to be claimed to its case within 3 "
            + "working days (a local rule): `claimBy` and `overdue` say where it stands. Claim one with POST "
            + "/api/suspense/{entryId}/claim.")]
    [Function("ListSuspense")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suspense")] HttpRequest req) =>
        endpoint.SignedIn(req, "ListSuspense", async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await list.RunAsync(caller, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<SuspenseItem>(page.Items.Select(i => View(i.Entry, i.Overdue)).ToList(),
                page.ContinuationToken));
        });

    [ApiOperation("finance", "Claim a deposit to its case: booked to the case's ledger once, then marked claimed.",
        Request = typeof(Application.Payments.ClaimSuspense.Request), Response = typeof(ClaimAnswer),
        Problems = [400, 401, 403, 404, 409, 415], Idempotent = true,
        Description = "Finance staff of the deposit's court claim it to a case of their court: booked to the case's ledger once, moved "
            + "out of suspense, and counted toward the case's fee (`caseStatus` and `amountPaid` show the effect). A case that cannot "
            + "take it (ended, or not registered yet) is refused before anything changes, and a deposit already reserved for another "
            + "case is refused (409) until released. Claiming again to the same case finishes a claim that was interrupted.")]
    [Function("ClaimSuspense")]
    public Task<IActionResult> Claim([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "suspense/{entryId}/claim")] HttpRequest req, string entryId) =>
        endpoint.SignedIn(req, "ClaimSuspense", async caller =>
        {
            var claimed = await claims.RunAsync(Uri.UnescapeDataString(entryId), caller,
                await RequestBody.ReadJsonAsync<ClaimSuspense.Request>(req),
                req.HttpContext.RequestAborted);
            var booked = claimed.Case.Case;
            return new ApiResult(new ClaimAnswer(View(claimed.Entry, ListSuspense.Overdue(claimed.Entry, clock.GetUtcNow())),
                booked.CaseId, booked.Status,
                Yuan.Format(claimed.AmountPaid)));
        });

    [ApiOperation("finance", "Release a deposit's reservation for a case whose ledger lacks the credit; if the ledger has it, the claim is "
        + "completed instead. The answer says which.",
        Request = typeof(ReleaseSuspense.Request), Response = typeof(ReleaseAnswer), Problems = [400, 401, 403, 404, 409, 415],
        Idempotent = true,
        Description = "Finance staff of the deposit's court release its reservation for a case it was claimed to by mistake, so the "
            + "right case can claim it. It is released only while that case's ledger lacks the credit; if the ledger has it, the claim "
            + "is completed instead, so a deposit is never booked to two cases. `outcome` says which happened.")]
    [Function("ReleaseSuspense")]
    public Task<IActionResult> Release(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suspense/{entryId}/release")] HttpRequest req, string entryId) =>
        endpoint.SignedIn(req, "ReleaseSuspense", async caller =>
        {
            var body = await RequestBody.ReadJsonAsync<ReleaseSuspense.Request>(req);
            var released = await releases.RunAsync(Uri.UnescapeDataString(entryId), caller, body, req.HttpContext.RequestAborted);
            var item = View(released.Entry, ListSuspense.Overdue(released.Entry, clock.GetUtcNow()));
            return new ApiResult(new ReleaseAnswer(released.Outcome, item, released.CaseId));
        });
}
