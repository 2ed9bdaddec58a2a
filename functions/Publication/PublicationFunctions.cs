using ECourt.Application.Publication;
using ECourt.Domain.Publication;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Publication;

/// <summary>Publishing judgments: so far, the preview of how a judgment's text is anonymised.</summary>
public sealed class PublicationFunctions(ApiEndpoint endpoint, PreviewRedaction preview)
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
}
