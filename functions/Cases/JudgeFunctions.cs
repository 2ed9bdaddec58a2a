using System.Globalization;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Cases;

/// <summary>A judge's decisions in the fee stage: fee aid, and the ruling that an unpaid case is withdrawn.</summary>
public sealed class JudgeFunctions(ApiEndpoint endpoint, CaseCommands commands, FeeCollection fees, ProcedureConversion conversion, TimeProvider clock)
{
    public sealed record ProcedureRequest(string? Procedure, List<string?>? Reasons);

    [Function("ConvertProcedure")]
    public Task<IActionResult> ConvertProcedure(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/procedure")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var stored = await commands.LoadAsync(req, caseId, caller, CaseCommands.Staff(Roles.Judge));
            var r = await RequestBody.ReadJsonAsync<ProcedureRequest>(req);
            var v = new Validation();
            v.Check(r.Procedure == "ordinary", "procedure", "A case converts to ordinary procedure only.");
            var reasons = v.Reasons(r.Reasons, "reasons", required: true);
            v.ThrowIfAny();
            return CaseCommands.Answer(await commands.ApplyAsync(req, client, stored, "ConvertToOrdinaryProcedure",
                c => conversion.ToOrdinary(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), reasons)));
        });

    [Function("DecideFeeAid")]
    public Task<IActionResult> DecideFeeAid(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid/decision")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var stored = await commands.LoadAsync(req, caseId, caller, CaseCommands.Staff(Roles.Judge));
            var r = await RequestBody.ReadJsonAsync<FeeAidDecisionRequest>(req);
            var v = new Validation();
            FeeAidOutcome? outcome = r.Decision switch { "grant" => FeeAidOutcome.Granted, "refuse" => FeeAidOutcome.Refused, _ => null };
            v.Check(outcome is not null, "decision", "One of grant, refuse.");
            var reduced = FilingFunctions.ReadAmount(r.ReducedAmount, "reducedAmount", false, v);
            DateOnly? deferredUntil = null;
            if (r.DeferredUntil is not null)
            {
                if (DateOnly.TryParseExact(r.DeferredUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) deferredUntil = d;
                else v.Add("deferredUntil", "A calendar date yyyy-MM-dd.");
            }
            var reasons = v.Reasons(r.Reasons, "reasons", required: outcome == FeeAidOutcome.Refused);
            v.ThrowIfAny();
            return CaseCommands.Answer(await commands.ApplyAsync(req, client, stored, nameof(CaseAction.DecideFeeAid),
                c => fees.DecideAid(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), outcome!.Value, reduced, deferredUntil, reasons)));
        });

    [Function("WithdrawalRuling")]
    public Task<IActionResult> RuleWithdrawn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/withdrawal-ruling")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var stored = await commands.LoadAsync(req, caseId, caller, CaseCommands.Staff(Roles.Judge));
            var reasons = new List<string>();
            if (req.ContentLength is > 0 || req.ContentType is not null)
            {
                var r = await RequestBody.ReadJsonAsync<WithdrawalRulingRequest>(req);
                var v = new Validation();
                reasons = v.Reasons(r.Reasons, "reasons", required: false);
                v.ThrowIfAny();
            }
            return CaseCommands.Answer(await commands.ApplyAsync(req, client, stored, nameof(CaseAction.RuleDeemedWithdrawn),
                c => fees.RuleWithdrawn(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), reasons)));
        });
}
