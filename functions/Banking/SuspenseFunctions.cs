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
public sealed partial class SuspenseFunctions(ApiEndpoint endpoint, ISuspenseLedger suspense, ICaseStore store, ClaimSuspense claims, CaseSignals signals, TimeProvider clock)
{
    public sealed record SuspenseItem(string EntryId, string BankCode, string BankTransactionId, string AccountNumber, string Amount,
        DateTimeOffset BookedAt, string? PayerName, string? PayerAccount, string Reason, DateTimeOffset RecordedAt, string? ClaimBy, bool Overdue,
        string? ClaimedToCase, bool ClaimPending);

    public sealed record ClaimRequest(string? CaseId, string? Note);

    public sealed record ClaimAnswer(SuspenseItem Item, string CaseId, string CaseStatus, string AmountPaid);

    private static SuspenseItem View(SuspenseEntry e, DateTimeOffset now) => new(e.EntryId, e.Credit.BankCode, e.Credit.BankTransactionId,
        e.Credit.AccountNumber, Yuan.Format(e.Credit.Amount), ChinaTime.ToChinaTime(e.Credit.BookedAt), e.Credit.PayerName, e.Credit.PayerAccount,
        e.Reason, ChinaTime.ToChinaTime(e.RecordedAt), e.ClaimBy?.LastDay.ToString("yyyy-MM-dd"),
        !e.Claimed && e.ClaimBy is { } by && SuspenseRules.IsOverdue(by, now), e.Claim?.CaseId, e.Claim is { Completed: false });

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
            ClaimSuspense.Claimed claimed;
            try
            {
                claimed = await claims.ClaimAsync(entry, r.CaseId!, caller.Id, note, ct);
            }
            catch (SuspenseClaimedElsewhereException elsewhere)
            {
                throw ApiProblem.Conflict(elsewhere.Rule, elsewhere.Message);
            }
            catch (Domain.DomainRuleException closed) when (closed.Rule == "case-closed")
            {
                throw ApiProblem.Conflict(closed.Rule, closed.Message);
            }
            await signals.CaseChangedAsync(client, claimed.Case.Case, "ClaimSuspense", ct);
            var booked = claimed.Case.Case;
            return new ApiResult(new ClaimAnswer(View(claimed.Entry, clock.GetUtcNow()), booked.CaseId, booked.Status.ToString(),
                Yuan.Format(booked.FeeNotice?.AmountPaid ?? 0m)));
        }, Roles.Finance);

    [GeneratedRegex("^[A-Z0-9]{2,16}:[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex EntryIdPattern();
}
