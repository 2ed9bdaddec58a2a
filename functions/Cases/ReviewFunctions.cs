using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Cases;

/// <summary>The filing division: the review queue of the clerk's court and the clerk's decision on a filing.</summary>
public sealed class ReviewFunctions(
    ApiEndpoint endpoint, CaseCommands commands, ICaseStore store, ICaseIndex index, CaseRegistrar registrar,
    CaseSignals signals, CourtDirectory courts, FilingReview review, TimeProvider clock)
{
    public sealed record QueueItem(string CaseId, string Court, string Cause, string CaseType, string? ClaimAmount, DateTimeOffset SubmittedAt,
        string DecisionDue, bool Provisional, IReadOnlyList<string> Plaintiffs, IReadOnlyList<string> Defendants);

    [Function("ReviewQueue")]
    public Task<IActionResult> Queue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-queue")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var (pageSize, token) = Paging.Read(req);
            var page = await index.ListReviewQueueAsync(caller.Court, pageSize, token, ct);
            var cases = await Task.WhenAll(page.Items.Select(e => store.GetAsync(e.CaseId, ct)));
            // A queue row outlives its filing only if a decision crashed before removing it; the case's own state decides.
            var items = cases.OfType<StoredCase>().Select(s => s.Case)
                .Where(c => c.Status == CaseStatus.Submitted && c.Court == caller.Court)
                .Select(c => new QueueItem(c.CaseId, c.Court, c.Cause, c.CaseType.Name(), c.ClaimAmount is { } a ? Yuan.Format(a) : null,
                    ChinaTime.ToChinaTime(c.Review!.PeriodStartedAt), c.Review.Deadline.LastDay.ToString("yyyy-MM-dd"), c.Review.Deadline.Provisional,
                    c.Parties.Where(p => p.Role == Domain.Parties.PartyRole.Plaintiff).Select(p => p.Name).ToList(),
                    c.Parties.Where(p => p.Role == Domain.Parties.PartyRole.Defendant).Select(p => p.Name).ToList()))
                .ToList();
            return new ApiResult(new CaseFunctions.ListAnswer<QueueItem>(items, page.ContinuationToken));
        }, Roles.Clerk);

    [Function("ReviewFiling")]
    public Task<IActionResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/review")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var stored = await commands.LoadAsync(req, caseId, caller, CaseCommands.Staff(Roles.Clerk));
            var r = await RequestBody.ReadJsonAsync<ReviewRequest>(req);
            var v = new Validation();
            var decision = r.Decision;
            v.Check(decision is "accept" or "reject" or "correct", "decision", "One of accept, reject, correct.");
            var reasons = v.Reasons(r.Reasons, "reasons", required: decision is "reject" or "correct");
            v.ThrowIfAny();

            var clerk = CaseAccess.ActorFor(caller, Roles.Clerk);
            var now = clock.GetUtcNow();
            var submittedAt = stored.Case.Review?.PeriodStartedAt;
            var cureDays = courts.Get(stored.Case.Court).LocalRules.CorrectionCureDays;
            var saved = decision switch
            {
                "accept" => await registrar.RegisterAsync(caseId, clerk, now, onReviewDeadline: false, ct),
                "reject" => await commands.ApplyAsync(req, client, stored, decision, c => review.Reject(c, clerk, now, reasons)),
                _ => await commands.ApplyAsync(req, client, stored, decision!, c => review.RequestCorrection(c, clerk, now, reasons, cureDays)),
            };
            // Registration takes the filing off the queue itself (also when the review deadline registers it).
            if (decision == "accept") await signals.CaseChangedAsync(client, saved.Case, decision, ct);
            else if (submittedAt is { } at) await index.RemoveFromReviewAsync(saved.Case.Court, caseId, at, ct);
            return CaseCommands.Answer(saved);
        });
}
