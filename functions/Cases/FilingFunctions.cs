using System.Security.Cryptography;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Numbering;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using ECourt.Orchestrations.Lifecycle;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Cases;

/// <summary>The filer's side of a filing: create the draft, submit it, answer a correction request, apply for fee aid.</summary>
public sealed class FilingFunctions(
    ApiEndpoint endpoint, CaseCommands commands, ICaseStore store, ICaseIndex index, CaseChanges changes, CaseSignals signals,
    CourtDirectory courts, FilingReview review, FeeCollection fees, TimeProvider clock)
{
    [Function("CreateFiling")]
    public Task<IActionResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var key = IdempotencyKey.Read(req);
            var body = await RequestBody.ReadJsonBytesAsync(req);
            var request = RequestBody.Parse<FilingRequest>(body);
            var now = clock.GetUtcNow();
            var filer = CaseAccess.ActorFor(caller, CaseAccess.RoleOf(caller));
            var (draft, events) = Read(request, filer, now, Convert.ToHexStringLower(SHA256.HashData(body)),
                key is null ? CaseId.FromRandom(RandomNumberGenerator.GetBytes(12)) : CaseId.FromIdempotencyKey(caller.Id, key));

            foreach (var userId in draft.ParticipantUserIds())
                await index.AddUserCaseAsync(userId, draft.CaseId, now, req.HttpContext.RequestAborted);
            var created = await store.CreateAsync(draft, events, req.HttpContext.RequestAborted)
                ?? await Existing(draft, req.HttpContext.RequestAborted);
            return new ApiResult(CaseView.From(created.Case), StatusCodes.Status201Created)
                .WithHeader("Location", $"/api/cases/{created.Case.CaseId}")
                .WithHeader("ETag", created.ETag);
        }, Roles.Party, Roles.Lawyer);

    /// <summary>A repeat with the same key returns the first result, if it asked for the same thing.</summary>
    private async Task<StoredCase> Existing(CourtCase draft, CancellationToken ct)
    {
        var existing = await store.GetAsync(draft.CaseId, ct) ?? throw new InvalidOperationException("The case exists and cannot be read.");
        if (existing.Case.FilingFingerprint != draft.FilingFingerprint)
            throw ApiProblem.Rule("idempotency-key-reused", "This Idempotency-Key was used for a different filing; use a new key.");
        return existing;
    }

    private (CourtCase Draft, List<CaseEvent> Events) Read(FilingRequest r, Actor filer, DateTimeOffset now, string fingerprint, string caseId)
    {
        var v = new Validation();
        var court = courts.DefaultCourt;
        if (r.Court is not null && !courts.TryGet(r.Court, out court)) v.Add("court", "This deployment does not serve that court.");
        var typeOk = v.Check(FeeCaseTypes.TryParse(r.CaseType, out var caseType), "caseType", "One of " + string.Join(", ", FeeCaseTypes.Names) + ".");
        if (typeOk) v.Check(CaseTypeCode.IsFileable(caseType), "caseType", "This kind of case is not filed online as a first-instance case.");
        v.Check(Procedures.TryParse(r.Procedure, out var procedure), "procedure", "One of ordinary, simplified, small-claims.");
        var cause = v.Text(r.Cause, "cause", 100);
        var claims = v.Text(r.Claims, "claims", 5000);
        var facts = v.Text(r.Facts, "facts", 20000, required: false) ?? "";
        var claimAmount = ReadAmount(r.ClaimAmount, "claimAmount", typeOk && caseType == FeeCaseType.Property, v);
        var parties = PartyReader.Read(r.Parties, filer.UserId, now, v);
        FeeAidKind? aidKind = null;
        List<string> aidReasons = [];
        if (r.FeeAid is { } aid)
        {
            aidKind = FeeAidReader.Kind(aid.Kind, v);
            aidReasons = v.Reasons(aid.Reasons, "feeAid.reasons", required: true);
        }
        v.ThrowIfAny();

        var (draft, created) = CourtCase.Draft(caseId, court.Code, caseType, procedure, cause!, claimAmount, claims!, facts, parties, filer, fingerprint, now);
        if (aidKind is null) return (draft, [created]);
        // Fee aid applied for with the filing is the filing's second event, written with it.
        var (withAid, applied) = fees.ApplyForAid(draft, filer, now, aidKind.Value, aidReasons);
        return (withAid, [created, applied]);
    }

    internal static decimal? ReadAmount(string? text, string field, bool required, Validation v)
    {
        if (text is null)
        {
            if (required) v.Add(field, "A property case states the amount claimed.");
            return null;
        }
        if (!Yuan.TryParse(text, out var amount, out var error)) { v.Add(field, error!); return null; }
        return amount;
    }

    [Function("SubmitFiling")]
    public Task<IActionResult> Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/submit")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var current = await commands.LoadAsync(req, caseId, caller, CaseCommands.Party);
            var saved = current.Case.Status == CaseStatus.Submitted && current.Case.Review?.Correction is null
                // A retried submit: make sure the queue entry and the orchestration exist, change nothing else.
                ? current
                : await changes.ApplyOneAsync(caseId, current, c => review.Submit(c, CaseAccess.ActorFor(caller, CaseAccess.RoleOf(caller)),
                    clock.GetUtcNow(), c.HasDocumentOfKind(DocumentKind.Complaint)), ct);
            await index.EnqueueForReviewAsync(saved.Case.Court, caseId, saved.Case.Review!.PeriodStartedAt, ct);
            await signals.EnsureStartedAsync(client, caseId, CaseProgress.Of(saved.Case), ct);
            return CaseCommands.Answer(saved);
        });

    [Function("SubmitCorrections")]
    public Task<IActionResult> Corrections(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/corrections")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var current = await commands.LoadAsync(req, caseId, caller, CaseCommands.Party);
            var r = await RequestBody.ReadJsonAsync<CorrectionsRequest>(req);
            var now = clock.GetUtcNow();
            var v = new Validation();
            var cause = v.Text(r.Cause, "cause", 100, required: false);
            var claims = v.Text(r.Claims, "claims", 5000, required: false);
            var facts = v.Text(r.Facts, "facts", 20000, required: false);
            var claimAmount = ReadAmount(r.ClaimAmount, "claimAmount", false, v);
            var parties = r.Parties is null ? null : PartyReader.Read(r.Parties, caller.Id, now, v);
            foreach (var id in r.DocumentIds ?? [])
                v.Check(id is not null && current.Case.HasDocument(id), "documentIds", $"No document {id} in this case; upload it first.");
            v.ThrowIfAny();
            if (parties is not null) Domain.Parties.Filer.Check(parties, caller.Id);

            // Queued for review before the orchestration hears of it, so the clerk's queue never misses the filing.
            var saved = await changes.ApplyOneAsync(caseId, current, c => review.SubmitCorrections(c,
                CaseAccess.ActorFor(caller, CaseAccess.RoleOf(caller)), now, x => x with
                {
                    Cause = cause ?? x.Cause,
                    Claims = claims ?? x.Claims,
                    Facts = facts ?? x.Facts,
                    ClaimAmount = claimAmount ?? x.ClaimAmount,
                    Parties = parties ?? x.Parties,
                }), req.HttpContext.RequestAborted);
            await index.EnqueueForReviewAsync(saved.Case.Court, caseId, saved.Case.Review!.PeriodStartedAt, req.HttpContext.RequestAborted);
            await signals.CaseChangedAsync(client, saved.Case, nameof(CaseAction.SubmitCorrections), req.HttpContext.RequestAborted);
            return CaseCommands.Answer(saved);
        });

    [Function("ApplyForFeeAid")]
    public Task<IActionResult> FeeAid(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/fee-aid")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var stored = await commands.LoadAsync(req, caseId, caller, CaseCommands.Party);
            var r = await RequestBody.ReadJsonAsync<FeeAidRequest>(req);
            var v = new Validation();
            var kind = FeeAidReader.Kind(r.Kind, v);
            var reasons = v.Reasons(r.Reasons, "reasons", required: true);
            v.ThrowIfAny();
            return CaseCommands.Answer(await commands.ApplyAsync(req, client, stored, nameof(CaseAction.ApplyForFeeAid),
                c => fees.ApplyForAid(c, CaseAccess.ActorFor(caller, CaseAccess.RoleOf(caller)), clock.GetUtcNow(), kind!.Value, reasons)));
        });
}

internal static class FeeAidReader
{
    public static FeeAidKind? Kind(string? text, Validation v)
    {
        FeeAidKind? kind = text switch { "defer" => FeeAidKind.Defer, "reduce" => FeeAidKind.Reduce, "waive" => FeeAidKind.Waive, _ => null };
        if (kind is null) v.Add("kind", "One of defer, reduce, waive.");
        return kind;
    }
}
