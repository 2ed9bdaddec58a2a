using System.Text.RegularExpressions;
using ECourt.Domain.Access;
using ECourt.Domain.Banking;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Banking;

/// <summary>Finance staff's suspense ledger: deposits that matched no open case, and claiming one to its case.</summary>
public sealed partial class SuspenseFunctions(ApiEndpoint endpoint, ISuspenseLedger suspense, ICaseStore store, FeeLedger ledger, ICourtFunds funds, CaseSignals signals, TimeProvider clock)
{
    public sealed record SuspenseItem(string EntryId, string BankCode, string BankTransactionId, string AccountNumber, string Amount,
        DateTimeOffset BookedAt, string? PayerName, string? PayerAccount, string Reason, DateTimeOffset RecordedAt, string? ClaimBy, bool Overdue,
        string? ClaimedToCase);

    public sealed record ClaimRequest(string? CaseId, string? Note);

    public sealed record ClaimAnswer(SuspenseItem Item, string CaseId, string CaseStatus, string AmountPaid);

    private static SuspenseItem View(SuspenseEntry e, DateTimeOffset now) => new(e.EntryId, e.Credit.BankCode, e.Credit.BankTransactionId,
        e.Credit.AccountNumber, Yuan.Format(e.Credit.Amount), ChinaTime.ToChinaTime(e.Credit.BookedAt), e.Credit.PayerName, e.Credit.PayerAccount,
        e.Reason, ChinaTime.ToChinaTime(e.RecordedAt), e.ClaimBy?.LastDay.ToString("yyyy-MM-dd"),
        e.Claim is null && e.ClaimBy is { } by && SuspenseRules.IsOverdue(by, now), e.Claim?.CaseId);

    [Function("ListSuspense")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "suspense")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await suspense.ListOpenAsync(pageSize, token, req.HttpContext.RequestAborted);
            var now = clock.GetUtcNow();
            return new ApiResult(new CaseFunctions.ListAnswer<SuspenseItem>(page.Items.Select(e => View(e, now)).ToList(), page.ContinuationToken));
        }, Roles.Finance);

    [Function("ClaimSuspense")]
    public Task<IActionResult> Claim(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "suspense/{entryId}/claim")] HttpRequest req, string entryId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            entryId = Uri.UnescapeDataString(entryId);
            if (!EntryIdPattern().IsMatch(entryId)) throw ApiProblem.NotFound("such suspense item");
            var entry = await suspense.GetAsync(entryId, ct) ?? throw ApiProblem.NotFound("such suspense item");
            var r = await RequestBody.ReadJsonAsync<ClaimRequest>(req);
            var v = new Validation();
            v.Check(CaseId.IsValid(r.CaseId), "caseId", "The case to claim the deposit to: cs and 24 hex digits.");
            var note = v.Text(r.Note, "note", 500, required: false);
            v.ThrowIfAny();
            var stored = await store.GetAsync(r.CaseId!, ct);
            if (stored is null || !caller.IsStaffOf(stored.Case.Court, Roles.Finance)) throw ApiProblem.NotFound("such case");
            if (entry.Claim is { } earlier && earlier.CaseId != r.CaseId)
                throw ApiProblem.Conflict("suspense-already-claimed", $"The deposit was already claimed to case {earlier.CaseId}.");
            // Booked to the case first (once, by bank and transaction id), its money moved from suspense to the case's court in the
            // funds register (once), then marked claimed: each step is idempotent, so a retry after a crash finishes the claim.
            var (outcome, booked) = await ledger.BookAsync(r.CaseId!, new FeeCredit(entry.Credit.BankCode, entry.Credit.BankTransactionId, entry.Credit.Amount, entry.Credit.BookedAt), ct);
            if (outcome == FeeLedger.CreditOutcome.CaseClosed)
                throw ApiProblem.Conflict("case-closed", $"The case is {booked.Case.Status}; its account takes no more credits.");
            await funds.TransferAsync(entry.EntryId, FundsHolder.Suspense, booked.Case.Court, entry.Credit.Amount, ct);
            await suspense.MarkClaimedAsync(entryId, new SuspenseClaim(r.CaseId!, caller.Id, clock.GetUtcNow(), note), ct);
            await signals.CaseChangedAsync(client, booked.Case, "ClaimSuspense", ct);
            var claimed = await suspense.GetAsync(entryId, ct) ?? entry;
            return new ApiResult(new ClaimAnswer(View(claimed, clock.GetUtcNow()), booked.Case.CaseId, booked.Case.Status.ToString(),
                Yuan.Format(booked.Case.FeeNotice?.AmountPaid ?? 0m)));
        }, Roles.Finance);

    [GeneratedRegex("^[A-Z0-9]{2,16}:[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex EntryIdPattern();
}
