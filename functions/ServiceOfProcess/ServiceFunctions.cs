using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>Service of a case's documents: the clerk serves a document and records postal results; a judge orders public notice; parties
/// and staff read the services.</summary>
public sealed class ServiceFunctions(ApiEndpoint endpoint, ServeDocument serve, ListServices list, RecordPostalResult postal,
    OrderPublicNotice publicNotice)
{
    /// <summary>
    /// A service as the caller may see it. <paramref name="Recipient"/>, <paramref name="Channel"/>, <paramref name="Address"/>,
    /// <paramref name="AddressConfirmed"/>, <paramref name="Rule"/>, <paramref name="CertificateId"/> and <paramref name="Attempts"/>
    /// are absent from the list for a party on a service to another party (court staff and the party served see them).
    /// </summary>
    /// <param name="Channel">the method of the current step (of the serving step once served)</param>
    public sealed record ServiceView(string ServiceId, string DocumentId, ServedDocumentKind Kind, int PartyNumber, string? Recipient,
        ServiceStatus Status, ServiceMethod? Channel, string? Address, bool? AddressConfirmed, DateTimeOffset StartedAt,
            DateTimeOffset? ServedAt,
        ServiceRule? Rule, string? CertificateId, IReadOnlyList<AttemptView>? Attempts);

    public sealed record AttemptView(ServiceMethod Channel, string? Address, bool AddressConfirmed, DateTimeOffset StartedAt,
        [property: OneOf(typeof(AttemptOutcome))] string Outcome, DateTimeOffset? EvidenceAt,
        string? Evidence, string? ProviderMessageId);

    public sealed record ServiceList(IReadOnlyList<ServiceView> Items);

    public static ServiceView View(ServiceRecord r)
    {
        var serving = r.Status == ServiceStatus.Served ? r.Attempts.LastOrDefault(a => a.EvidenceAt == r.ServedAt)
            ?? r.Attempts.LastOrDefault() : null;
        var step = serving is null ? r.Step : new ServiceStep(serving.Method, serving.Address, serving.Confirmed);
        return new ServiceView(r.ServiceId, r.DocumentId, r.Kind, r.PartyNumber, r.Recipient, r.Status, step.Method, step.Address,
            step.Confirmed, ChinaTime.ToChinaTime(r.StartedAt), r.ServedAt is { } s ? ChinaTime.ToChinaTime(s) : null, r.Rule,
                r.CertificateId,
            r.Attempts.Select(a => new AttemptView(a.Method, a.Address, a.Confirmed, ChinaTime.ToChinaTime(a.StartedAt), a.Outcome,
                a.EvidenceAt is { } e ? ChinaTime.ToChinaTime(e) : null, a.Evidence, a.ProviderMessageId)).ToList());
    }

    /// <summary>A listed service: all of it where the caller may see its details, else what was served on whom and when.</summary>
    public static ServiceView View(ListedService s) => s.Details is { } r ? View(r)
        : new ServiceView(s.ServiceId, s.DocumentId, s.Kind, s.PartyNumber, null, s.Status, null, null, null,
            ChinaTime.ToChinaTime(s.StartedAt), s.ServedAt is { } at ? ChinaTime.ToChinaTime(at) : null, null, null, null);

    [ApiOperation("service", "Serve a document on a party: inbox, SMS or email notices, post, public notice; once per document and party.",
        Request = typeof(Application.ServiceOfProcess.ServeDocument.Request), Response = typeof(ServiceView), Status = 202,
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "A clerk or judge of the case's court serves a document of the case on a party: into its platform inbox with SMS "
            + "or email notices where it consented to electronic service (CPL art. 90), else by post, and by public notice only on a "
            + "judge's order (CPL art. 95). The service runs in the background (202): follow it with GET /api/cases/{caseId}/service. A "
            + "document is served once on each party (asking again answers the same service), as the kind it is (422 "
            + "served-kind-must-match-document).")]
    [Function("ServeDocument")]
    public Task<IActionResult> Serve([HttpTrigger(AuthorizationLevel.Anonymous, "post",
        Route = "cases/{caseId}/service")] HttpRequest req, string caseId) =>
        endpoint.OnCase(req, "ServeDocument", caseId, async grant =>
            new ApiResult(View(await serve.RunAsync(grant, await RequestBody.ReadJsonAsync<ServeDocument.Request>(req),
                req.HttpContext.RequestAborted)),
                202));

    [ApiOperation("service",
        "Every service of the case's documents, with its channel, attempts, evidence and certificate (a party sees those of its own only).",
        Response = typeof(ServiceList),
        Problems = [401, 403, 404], Headers = ["ETag"],
        Description = "Every service of the case's documents on its parties: what was served on whom, where it stands and when it was "
            + "served. For the case's parties and their representatives and the case staff of its court; a party sees the channel, "
            + "address, attempts, evidence and certificate only of the services on itself, the court's staff all of them. `servedAt` is "
            + "when the document counts as served, the day periods run from.")]
    [Function("ListService")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/service")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "ListService", caseId, async grant =>
            new ApiResult(new ServiceList((await list.RunAsync(grant, req.HttpContext.RequestAborted)).Select(View).ToList())));

    [ApiOperation("service", "The clerk records what became of a posted document: received, or returned.",
        Request = typeof(Application.ServiceOfProcess.RecordPostalResult.Request), Response = typeof(ServiceView),
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "A clerk of the case's court records what became of a document served by post: mailed (with the tracking number), "
            + "then received or returned, never dated before the mailing. Returned from an address the party confirmed, the document "
            + "counts as served on the day it is returned; returned from an address the court found itself, service moves on to its next "
            + "means.")]
    [Function("RecordPostalResult")]
    public Task<IActionResult> PostalResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/service/{serviceId}/postal-result")] HttpRequest req,
            string caseId, string serviceId) =>
        endpoint.OnCase(req, "RecordPostalResult", caseId, async grant => new ApiResult(View(await postal.RunAsync(grant, serviceId,
            await RequestBody.ReadJsonAsync<RecordPostalResult.Request>(req), req.HttpContext.RequestAborted))));

    [ApiOperation("service", "The judge orders public notice, with reasons, once other means failed; served 30 days after posting.",
        Request = typeof(Application.ServiceOfProcess.OrderPublicNotice.Request), Response = typeof(ServiceView),
        Problems = [400, 401, 403, 404, 409, 415, 422], Idempotent = true,
        Description = "A judge of the case's court orders service by public notice, with reasons, once every other means has failed, "
            + "giving the day of the last posting (CPL art. 95). The document is deemed served 30 days after that day. Not in simplified "
            + "or small-claims procedure (SPC CPL Interpretation arts. 138, 140; 422 public-notice-needs-ordinary-procedure): convert "
            + "the case to ordinary procedure first.")]
    [Function("OrderPublicNotice")]
    public Task<IActionResult> OrderPublicNotice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/service/{serviceId}/public-notice")] HttpRequest req,
            string caseId, string serviceId) =>
        endpoint.OnCase(req, "OrderPublicNotice", caseId, async grant => new ApiResult(View(await publicNotice.RunAsync(grant, serviceId,
            await RequestBody.ReadJsonAsync<OrderPublicNotice.Request>(req), req.HttpContext.RequestAborted))));
}
