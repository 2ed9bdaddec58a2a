using ECourt.Application.Publication;
using ECourt.Domain.Publication;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Publication;

/// <summary>
/// Publishing judgments: the preview of an anonymisation, the publication's draft, its preparation, approval and withdrawal, and the
/// public's search and reading of published judgments.
/// </summary>
public sealed class PublicationFunctions(ApiEndpoint endpoint, PreviewRedaction preview, PublicationDecisions decisions,
    PublicSearch search)
{
    /// <summary>The anonymised text and each redaction: its kind, and where it starts and how long it is in the text sent.</summary>
    public sealed record RedactionPreviewView(string Text, IReadOnlyList<RedactionView> Redactions);

    public sealed record RedactionView(RedactionKind Kind, int Start,
        int Length);

    [ApiOperation("judgments", "A clerk or judge previews a judgment's text anonymised for publication, with every redaction.",
        Request = typeof(RedactionPreviewRequest), Response = typeof(RedactionPreviewView), Problems = [400, 401, 403, 415],
        Description = "A clerk or judge sends a judgment's text, the people the case record knows (name, role, and for a person its "
            + "identity number, phone and address) and the case's type, and gets the text as it would be published: names pseudonymised "
            + "by role and case type (parties in marriage, family and inheritance cases; victims, witnesses and appraisers in criminal "
            + "cases; minors and their legal representatives always), identity numbers, phones, bank cards, plates and emails deleted, "
            + "domicile cut to county level; judges', lawyers' and organisations' names, the court and the case number never touched "
            + "(SPC Provisions on Publishing Judgments on the Internet, 2016). Each redaction gives its place in the text sent. Nothing "
            + "is stored.")]
    [Function("PreviewRedaction")]
    public Task<IActionResult> Preview([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "judgments/redaction-preview")]
        HttpRequest req) =>
        endpoint.SignedIn(req, "PreviewRedaction", async _ =>
        {
            var result = preview.Run(await RequestBody.ReadJsonAsync<RedactionPreviewRequest>(req));
            return new ApiResult(new RedactionPreviewView(result.Text,
                result.Redactions.Select(r => new RedactionView(r.Kind, r.Start, r.Length)).ToList()));
        });

    [ApiOperation("judgments", "The case's team reads the judgment's publication: where it stands and its anonymised text.",
        Response = typeof(PublicationView), Problems = [401, 403, 404], Headers = ["ETag"],
        Description = "The case's judge, clerk, division head and president read the publication of its effective judgment: its state "
            + "(awaiting-clerk, awaiting-approval, published, withdrawn), the anonymised text as it would be published (or the notice of "
            + "non-publication for what is not published: mediation, divorce, custody, the court's own exclusions), what the residue scan "
            + "still finds in it with its place, who prepared and approved it, and whether it was escalated (not approved within 5 days "
            + "of effect) or is late (not published within 7 working days). The original judgment is never here. 404 until the "
            + "judgment takes effect.")]
    [Function("GetPublication")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "judgments/{judgmentId}/publication")]
        HttpRequest req, string judgmentId) =>
        endpoint.OnCaseOf(req, "GetPublication", async (caller, route) =>
        {
            var ct = req.HttpContext.RequestAborted;
            return new ApiResult(PublicationView.Of(await decisions.ReadAsync(await decisions.GrantAsync(judgmentId, caller, route, ct),
                ct)));
        });

    [ApiOperation("judgments", "The case's clerk prepares the publication: the text corrected if need be, the residue scan decided.",
        Request = typeof(PreparePublicationRequest), Response = typeof(PublicationView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The case's clerk prepares the anonymised draft within 5 days of the judgment taking effect (Heilongjiang's rules): "
            + "optionally a corrected text (required when the judgment's PDF could not be read: 422 publication-text-required), and "
            + "residueReviewed when the residue scan still finds what looks like an identity number, phone, bank card, plate or email "
            + "that is not personal data (else 422 publication-residue). The publication then awaits approval.")]
    [Function("PreparePublication")]
    public Task<IActionResult> Prepare([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "judgments/{judgmentId}/prepare")]
        HttpRequest req, string judgmentId) =>
        DecideAsync<PreparePublicationRequest>(req, "PreparePublication", judgmentId, decisions.PrepareAsync);

    [ApiOperation("judgments", "The division head or the president approves the publication, with corrections if any; it is published.",
        Request = typeof(ApprovePublicationRequest), Response = typeof(PublicationView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The head of the case's division or the president approves the prepared publication, optionally with a corrected "
            + "text (scanned again: anything that still looks like personal data is refused, 422 publication-residue). The judgment is "
            + "published at once: its anonymised text on the public site and in the search (SPC Provisions on Publishing Judgments on the "
            + "Internet, 2016: within 7 working days of effect).")]
    [Function("ApprovePublication")]
    public Task<IActionResult> Approve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "judgments/{judgmentId}/approve")]
        HttpRequest req, string judgmentId) =>
        DecideAsync<ApprovePublicationRequest>(req, "ApprovePublication", judgmentId, decisions.ApproveAsync);

    [ApiOperation("judgments", "The case's judge withdraws a published judgment with a reason.",
        Request = typeof(WithdrawPublicationRequest), Response = typeof(PublicationView), Problems = [400, 401, 403, 404, 409, 415, 422],
        Idempotent = true,
        Description = "The case's judge withdraws a published judgment, giving the reason: it is no longer shown on the public site nor "
            + "found by its search.")]
    [Function("WithdrawPublication")]
    public Task<IActionResult> Withdraw([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "judgments/{judgmentId}/withdraw")]
        HttpRequest req, string judgmentId) =>
        DecideAsync<WithdrawPublicationRequest>(req, "WithdrawPublication", judgmentId, decisions.WithdrawAsync);

    [ApiOperation("judgments", "Anyone searches published judgments: full text in Chinese, case number, court, cause and dates.",
        Public = true, Response = typeof(JudgmentSearchView), Problems = [400, 429], Headers = ["ETag"],
        Description = "Anyone, without signing in, searches the published judgments: q is full text in Chinese (Simplified or Traditional "
            + "alike), the other fields filter exactly (caseNumber, court code, cause) or by the day decided (from, to, yyyy-MM-dd). "
            + "Each hit gives the case number, court, cause, day, title and an excerpt of the anonymised text; a withdrawn judgment is "
            + "not found, nor a pseudonymised person's real name or any identity number, which the published texts no longer hold.")]
    [ApiParameter("q", "query", "Words to find in the text, in Chinese.")]
    [ApiParameter("caseNumber", "query", "The case number, such as （2026）黑01民初123号.")]
    [ApiParameter("court", "query", "The court's code, such as 黑01.")]
    [ApiParameter("cause", "query", "The cause, such as 民间借贷纠纷.")]
    [ApiParameter("from", "query", "Decided on or after this day, yyyy-MM-dd.")]
    [ApiParameter("to", "query", "Decided on or before this day, yyyy-MM-dd.")]
    [ApiParameter("page", "query", "The page, from 1.")]
    [ApiParameter("pageSize", "query", "Hits per page, 1 to 50 (20 unless given).")]
    [Function("SearchJudgments")]
    public Task<IActionResult> Search([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "judgments")] HttpRequest req) =>
        endpoint.Public(req, "SearchJudgments", async () =>
        {
            var q = req.Query;
            var (hits, page, size) = await search.SearchAsync(new PublicSearch.Query(q["q"], q["caseNumber"], q["court"], q["cause"],
                q["from"], q["to"], q["page"], q["pageSize"]), req.HttpContext.RequestAborted);
            return new ApiResult(new JudgmentSearchView(hits.Total, page, size, hits.Hits.Select(JudgmentHitView.Of).ToList()));
        });

    [ApiOperation("judgments", "Anyone reads one published judgment, anonymised.", Public = true,
        Response = typeof(PublishedJudgmentView), Problems = [404, 429], Headers = ["ETag"],
        Description = "Anyone, without signing in, reads a published judgment: its case number, court, cause, the day it was decided and "
            + "published, its title and the anonymised text (for what is not published, the notice with its reason). The original is "
            + "never reachable here; a withdrawn judgment is not found.")]
    [Function("ReadPublishedJudgment")]
    public Task<IActionResult> Read([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "judgments/{judgmentId}")]
        HttpRequest req, string judgmentId) =>
        endpoint.Public(req, "ReadPublishedJudgment", async () =>
            new ApiResult(PublishedJudgmentView.Of(await search.ReadAsync(judgmentId, req.HttpContext.RequestAborted))));

    /// <summary>A decision on a judgment's publication: the case found from the judgment, the caller granted, the body read.</summary>
    private Task<IActionResult> DecideAsync<TRequest>(HttpRequest req, string function, string judgmentId,
        Func<Application.Access.CaseGrant, TRequest, CancellationToken, Task<PublicationDraft>> decide) where TRequest : class =>
        endpoint.OnCaseOf(req, function, async (caller, route) =>
        {
            var ct = req.HttpContext.RequestAborted;
            var grant = await decisions.GrantAsync(judgmentId, caller, route, ct);
            return new ApiResult(PublicationView.Of(await decide(grant, await RequestBody.ReadJsonAsync<TRequest>(req), ct)));
        });
}
