using ECourt.Adapters.Storage;
using ECourt.Application.Evidence;
using ECourt.Domain.Evidence;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Evidence;

/// <summary>
/// The evidence stage's routes: the period of proof, submitting and listing evidence, cross-examination, the exchange, rulings on late
/// evidence, extensions, and the chain's verification and bundle.
/// </summary>
public sealed class EvidenceFunctions(ApiEndpoint endpoint, SetEvidencePeriod setPeriod, SubmitEvidence submit, ListEvidence list,
    FileCrossExaminationOpinion opinions, OrderEvidenceExchange exchange, RuleOnLateEvidence rule, ApplyForExtension apply,
    DecideExtension decide, VerifyEvidenceChain verify, WriteEvidenceBundle bundle, CaseViews views)
{
    [ApiOperation("evidence",
        "A judge sets the period of proof within the procedure's bounds; the notice of the burden and period of proof "
            + "is served on every party.", Request = typeof(EvidencePeriodRequest), Response = typeof(CaseView),
        Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true, Headers = ["ETag"],
        Description =
            "The case's judge (any judge of the court before assignment, the assigned judge after) sets the period of proof of a case in "
            + "EvidenceExchange: its last day, within the procedure's bounds counted from the day after (ordinary at least 15 days, CPL "
            + "Interpretation art. 99; simplified at most 15, art. 266; small claims at most 7, art. 275; a refusal names its rule). The "
            + "notice of the burden and period of proof (SPC Evidence Provisions art. 50) is served on every party, and the answer is the "
            + "case with the pending deadline evidence-period.")]
    [Function("SetEvidencePeriod")]
    public Task<IActionResult> SetPeriod([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/evidence-period")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "SetEvidencePeriod", caseId, async grant => CaseFunctions.Answer(views, grant, await setPeriod.RunAsync(grant,
            await RequestBody.ReadJsonAsync<EvidencePeriodRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("evidence",
        "A party or its lawyer submits an item of evidence from documents uploaded with the kind evidence; its record "
            + "is fixed by SHA-256 and chained to the case's last item.", Request = typeof(EvidenceItemRequest),
        Response = typeof(SubmittedEvidence), Status = 201, Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "A party or its lawyer submits an item of evidence of documents its side uploaded with the kind evidence (each document goes "
            + "into one item): its record is fixed by SHA-256 and chained to the case's previous item (Online Litigation Rules art. 16). "
            + "Evidence after the period of proof is accepted and marked late (CPL Interpretation art. 101). Keep sha256: it is what "
            + "verify and the bundle check.")]
    [Function("SubmitEvidence")]
    public Task<IActionResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/evidence")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "SubmitEvidence", caseId, async grant =>
        {
            var (item, late) = await submit.RunAsync(grant, await RequestBody.ReadJsonAsync<EvidenceItemRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(new SubmittedEvidence(item.EvidenceId, item.Sequence, item.Digests.Sha256, item.Record.Previous?.Sha256,
                late), StatusCodes.Status201Created);
        });

    [ApiOperation("evidence", "The items of evidence the caller may see, in the chain's order, with their rulings and cross-examination "
            + "opinions: the other side's only once exchanged.", Response = typeof(ListAnswer<EvidenceItemView>),
        Problems = [400, 401, 403, 404], Paged = true, Headers = ["ETag"],
        Description =
            "The case's parties, their lawyers and its team read the items of evidence they may see, in the chain's order: a side sees "
            + "its own and, from the exchange (or at once where the judge so ordered), the other side's except evidence excluded as late; "
            + "the court sees all. Each item carries its documents' SHA-256, whether it is late, the judge's ruling and the "
            + "cross-examination opinions filed on it.")]
    [Function("ListEvidence")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/evidence")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "ListEvidence", caseId, async grant =>
        {
            var (pageSize, token) = Paging.Read(req);
            var after = AfterSequence(token);
            var (items, next) = await list.RunAsync(grant, pageSize, after, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<EvidenceItemView>(items.Select(i => EvidenceItemView.From(i, grant)).ToList(),
                next is { } n ? TableKeys.ToToken(EvidenceRows.Items.Key(EvidenceChain.EvidenceIdFor(n))) : null));
        });

    /// <summary>The page token names the last item's row; the page after it starts past its sequence.</summary>
    private static int AfterSequence(string? token)
    {
        if (token is null) return 0;
        var key = TableKeys.FromToken(token) ?? "";
        var id = key.StartsWith(EvidenceRows.Items.Prefix, StringComparison.Ordinal) ? key[EvidenceRows.Items.Prefix.Length..] : "";
        return EvidenceRows.IsEvidenceId(id) ? int.Parse(id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)
            : throw ApiProblem.Validation("continuationToken", "Not a token this API issued.");
    }

    [ApiOperation("evidence", "A party or its lawyer files its cross-examination opinion on an item of the other side's evidence.",
        Request = typeof(CrossExaminationRequest), Response = typeof(OpinionView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "A party or its lawyer files its opinion on an item of the other side's evidence it sees: authenticity, legality and relevance "
            + "admitted or disputed, with reasons for a dispute (CPL Interpretation arts. 103–104). One per party and item (409), within "
            + "the window of an exchange the judge ordered (Online Litigation Rules art. 14), never on its own side's evidence (422).")]
    [Function("FileCrossExaminationOpinion")]
    public Task<IActionResult> Opinion([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/evidence/{evidenceId}/opinions")] HttpRequest req, string caseId, string evidenceId) =>
        endpoint.OnCase(req, "FileCrossExaminationOpinion", caseId, async grant =>
        {
            var opinion = await opinions.RunAsync(grant, evidenceId, await RequestBody.ReadJsonAsync<CrossExaminationRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(OpinionView.From(opinion, grant), StatusCodes.Status201Created);
        });

    [ApiOperation("evidence",
        "A judge orders the exchange of evidence, synchronous or asynchronous, with its window, and whether each side "
            + "sees the other's evidence at once.", Request = typeof(EvidenceExchangeRequest), Response = typeof(CaseView),
        Problems = [400, 401, 403, 404, 409, 412, 415, 422], Idempotent = true, IfMatch = true, Headers = ["ETag"],
        Description =
            "The case's judge orders the exchange of evidence (Online Litigation Rules art. 14): synchronous (every party at a set time, "
            + "one sitting of at most a day) or asynchronous (within a window), and whether each side sees the other's evidence from the "
            + "opening or at once. Opinions are filed within the window; the answer is the case with its exchanges.")]
    [Function("OrderEvidenceExchange")]
    public Task<IActionResult> Exchange([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/evidence/exchange")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "OrderEvidenceExchange", caseId, async grant => CaseFunctions.Answer(views, grant,
            await exchange.RunAsync(grant,
            await RequestBody.ReadJsonAsync<EvidenceExchangeRequest>(req), RequestHeaders.IfMatch(req), req.HttpContext.RequestAborted)));

    [ApiOperation("evidence", "A judge admits or excludes an item of late evidence, with reasons; excluded evidence stays in the record, "
            + "not in the exchange.", Request = typeof(LateEvidenceRulingRequest), Response = typeof(AdmissionView),
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "The case's judge rules once, with reasons, on an item of late evidence (CPL Interpretation arts. 101–102): admitted, or "
            + "excluded, which keeps it in the record and the chain but takes it out of the exchange. An item submitted within the "
            + "period is refused (422 evidence-not-late).")]
    [Function("RuleOnLateEvidence")]
    public Task<IActionResult> Admission([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/evidence/{evidenceId}/admission")] HttpRequest req, string caseId, string evidenceId) =>
        endpoint.OnCase(req, "RuleOnLateEvidence", caseId, async grant => new ApiResult(AdmissionView.From(await rule.RunAsync(grant,
            evidenceId, await RequestBody.ReadJsonAsync<LateEvidenceRulingRequest>(req), req.HttpContext.RequestAborted))));

    [ApiOperation("evidence", "Recompute the evidence chain: every record's SHA-256, every link, every document's SHA-256 from its stored "
            + "bytes, and the chain's recorded end; the first break.", Response = typeof(ChainVerificationView), Problems = [401, 403, 404],
        Headers = ["ETag"],
        Description =
            "The case's parties, their lawyers and its team recompute the evidence chain: every record's SHA-256, every link to the record "
            + "before, every document's SHA-256 from its stored bytes and the case's recorded end. valid is false at the first break, "
            + "named by its place and kind (its ids only where the caller may see the item): electronic evidence is presumed untampered "
            + "while it verifies (Online Litigation Rules art. 16).")]
    [Function("VerifyEvidence")]
    public Task<IActionResult> Verify([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "cases/{caseId}/evidence/verify")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "VerifyEvidence", caseId, async grant =>
            new ApiResult(ChainVerificationView.From(await verify.RunAsync(grant, req.HttpContext.RequestAborted))));

    [ApiOperation("evidence", "The evidence bundle, a tar archive to verify offline with sha256sum and jq: manifest.json (the chain), the "
            + "records and the documents the caller may see.", BinaryResponse = WriteEvidenceBundle.ContentType, Problems = [401, 403, 404],
        Headers = ["Content-Disposition"],
        Description =
            "The case's parties, their lawyers and its team download the evidence bundle, a tar archive to verify offline with sha256sum "
            + "and jq (README, Evidence): manifest.json lists the whole chain, records/ holds the canonical bytes of each record the "
            + "caller may see and documents/ their documents; an item the caller may not see is listed by its hashes alone.")]
    [Function("DownloadEvidenceBundle")]
    public Task<IActionResult> Bundle([HttpTrigger(AuthorizationLevel.Anonymous, "get",
        Route = "cases/{caseId}/evidence/bundle")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "DownloadEvidenceBundle", caseId, async grant =>
        {
            // Written to a file first: a document that fails its check is refused before any byte of the bundle is sent.
            var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await bundle.RunAsync(grant, file, req.HttpContext.RequestAborted);
                file.Position = 0;
                return new StreamResult(file, WriteEvidenceBundle.ContentType, WriteEvidenceBundle.FileName(grant.Case));
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
        });

    [ApiOperation("evidence", "A party applies to extend the period of proof, or the judge the trial time limit.",
        Request = typeof(ExtensionApplicationRequest), Response = typeof(ExtensionView), Status = 201,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description =
            "A party or its lawyer applies in writing, before the period of proof ends, to extend it by so many days, with reasons "
            + "(CPL Interpretation art. 100; kind evidence-period; 422 evidence-period-extension-too-late after the end). The "
            + "application is pending until the judge decides it. The case's judge applies to the president, with reasons, to "
            + "extend the trial time limit (kind trial-limit; CPL arts. 152, 164, 169: at most 6 months in all in ordinary procedure, "
            + "1 in simplified and small-claims; 422 trial-limit-extension-beyond-law).")]
    [Function("ApplyForExtension")]
    public Task<IActionResult> Apply([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/extensions")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ApplyForExtension", caseId, async grant => new ApiResult(ExtensionView.From(await apply.RunAsync(grant,
            await RequestBody.ReadJsonAsync<ExtensionApplicationRequest>(req), req.HttpContext.RequestAborted), null),
            StatusCodes.Status201Created));

    [ApiOperation("evidence", "The judge decides an extension of the period of proof; the president one of the trial time limit.",
        Request = typeof(ExtensionDecisionRequest), Response = typeof(ExtensionView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description =
            "The case's judge decides an application to extend the period of proof once: granted (by the days asked, or others), the "
            + "period runs that many days more from its last day for every party, even when it ended meanwhile; refused, with reasons "
            + "(CPL Interpretation art. 100). The president decides an extension of the trial time limit once: granted, the limit "
            + "ends so many days later and the judge's warnings come again for the new end; refused, with reasons.")]
    [Function("DecideExtension")]
    public Task<IActionResult> Decide([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/extensions/{extensionId}/decision")] HttpRequest req, string caseId, string extensionId) =>
        endpoint.OnCase(req, "DecideExtension", caseId, async grant =>
        {
            var decided = await decide.RunAsync(grant, extensionId, await RequestBody.ReadJsonAsync<ExtensionDecisionRequest>(req),
                req.HttpContext.RequestAborted);
            return new ApiResult(ExtensionView.From(decided.Application, decided.Decision));
        });
}
