using System.Globalization;
using System.Text.RegularExpressions;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Service;

/// <summary>Service of a case's documents: the clerk serves a document, records postal results; a judge orders public notice; parties and staff read the services and their certificates.</summary>
public sealed partial class ServiceFunctions(ApiEndpoint endpoint, CaseAccess access, IServiceStore services, ServiceDispatch dispatch, TimeProvider clock)
{
    public sealed record ServeRequest(string? DocumentId, string? Kind, int? PartyNumber);

    public sealed record PostalResultRequest(string? Result, string? Date, string? TrackingNumber);

    public sealed record PublicNoticeRequest(string? Reasons, string? LastPostedOn);

    /// <param name="Channel">sms, email, inbox, post, public-notice or clerk: the method of the current step (of the serving step once served)</param>
    public sealed record ServiceView(string ServiceId, string DocumentId, string Kind, int PartyNumber, string Recipient, string Status, string Channel,
        string? Address, bool AddressConfirmed, DateTimeOffset StartedAt, DateTimeOffset? ServedAt, string? Rule, string? CertificateId,
        IReadOnlyList<AttemptView> Attempts);

    public sealed record AttemptView(string Channel, string? Address, bool AddressConfirmed, DateTimeOffset StartedAt, string Outcome, DateTimeOffset? EvidenceAt,
        string? Evidence, string? ProviderMessageId);

    public sealed record ServiceList(IReadOnlyList<ServiceView> Items);

    public static string ChannelName(ServiceMethod method) => method switch
    {
        ServiceMethod.Sms => "sms",
        ServiceMethod.Email => "email",
        ServiceMethod.Post => "post",
        ServiceMethod.Inbox => "inbox",
        ServiceMethod.Clerk => "clerk",
        _ => "public-notice",
    };

    private static string KindName(ServedDocumentKind kind) => kind switch
    {
        ServedDocumentKind.FeeNotice => "fee-notice",
        ServedDocumentKind.ComplaintCopy => "complaint-copy",
        ServedDocumentKind.Summons => "summons",
        _ => "judgment",
    };

    private static readonly Dictionary<string, ServedDocumentKind> Kinds = Enum.GetValues<ServedDocumentKind>().ToDictionary(KindName);

    public static ServiceView View(ServiceRecord r)
    {
        var serving = r.Status == ServiceStatus.Served ? r.Attempts.LastOrDefault(a => a.EvidenceAt == r.ServedAt) ?? r.Attempts.LastOrDefault() : null;
        var step = serving is null ? r.Step : new ServiceStep(serving.Method, serving.Address, serving.Confirmed);
        return new ServiceView(r.ServiceId, r.DocumentId, KindName(r.Kind), r.PartyNumber, r.Recipient, StatusName(r.Status), ChannelName(step.Method), step.Address,
            step.Confirmed, ChinaTime.ToChinaTime(r.StartedAt), r.ServedAt is { } s ? ChinaTime.ToChinaTime(s) : null, r.Rule?.ToString(), r.CertificateId,
            r.Attempts.Select(a => new AttemptView(ChannelName(a.Method), a.Address, a.Confirmed, ChinaTime.ToChinaTime(a.StartedAt), a.Outcome,
                a.EvidenceAt is { } e ? ChinaTime.ToChinaTime(e) : null, a.Evidence, a.ProviderMessageId)).ToList());
    }

    private static string StatusName(ServiceStatus status) => status switch
    {
        ServiceStatus.InProgress => "in-progress",
        ServiceStatus.AwaitingPublicNoticeDecision => "awaiting-public-notice-decision",
        ServiceStatus.PublicNoticePosted => "public-notice-posted",
        ServiceStatus.AwaitingClerk => "awaiting-clerk",
        _ => "served",
    };

    [Function("ServeDocument")]
    public Task<IActionResult> Serve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/service")] HttpRequest req, string caseId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var file = await access.LoadFileAsync(caseId, caller, ct);
            if (!caller.IsStaffOf(file.Case.Court, Roles.Clerk, Roles.Judge)) throw ApiProblem.Forbidden("The case's clerk or judge serves its documents.");
            if (file.Case.Status.IsFinal() || file.Case.CaseNumber is null)
                throw ApiProblem.Conflict("case-not-registered", $"The case is {file.Case.Status}; documents are served in registered cases.");
            var r = await RequestBody.ReadJsonAsync<ServeRequest>(req);
            var v = new Validation();
            var document = file.Documents.FirstOrDefault(d => d.DocumentId == r.DocumentId);
            v.Check(document is not null, "documentId", "A document of this case.");
            v.Check(r.Kind is not null && Kinds.ContainsKey(r.Kind), "kind", "fee-notice, complaint-copy, summons or judgment.");
            v.Check(file.Case.Parties.Any(p => p.PartyNumber == r.PartyNumber), "partyNumber", "A party of this case.");
            v.ThrowIfAny();
            var record = await dispatch.StartAsync(client, file.Case, document!.DocumentId, document.Sha256, Kinds[r.Kind!], r.PartyNumber!.Value, ct);
            return new ApiResult(View(record), 202);
        }, Roles.Clerk, Roles.Judge);

    [Function("ListService")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/service")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var stored = await access.LoadAsync(caseId, caller, ct);
            var records = await services.ListAsync(caseId, ct);
            // A party sees the services on every party (service is part of the case file); finance staff do not see the case.
            return new ApiResult(new ServiceList(records.Select(View).ToList()));
        });

    [Function("RecordPostalResult")]
    public Task<IActionResult> PostalResult(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/service/{serviceId}/postal-result")] HttpRequest req, string caseId, string serviceId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var (_, current) = await LoadForStaffAsync(caseId, serviceId, caller, Roles.Clerk, "The case's clerk records postal results.", ct);
            var r = await RequestBody.ReadJsonAsync<PostalResultRequest>(req);
            var v = new Validation();
            v.Check(r.Result is "mailed" or "received" or "returned", "result",
                "mailed (the clerk posted it), received (the receipt came back signed) or returned (undelivered).");
            var on = v.Date(r.Date, "date");
            v.Check(r.TrackingNumber is null || TrackingPattern().IsMatch(r.TrackingNumber), "trackingNumber", "The postal tracking number: letters and digits.");
            v.ThrowIfAny();
            if (current.Status != ServiceStatus.InProgress || current.Step.Method != ServiceMethod.Post)
                throw ApiProblem.Conflict("service-not-by-post", "This service is not by post now.");
            if ((r.Result == "mailed") != (current.Current is null))
                throw ApiProblem.Conflict("postal-result-out-of-order", current.Current is null ? "Record the mailing first." : "The document was mailed already.");
            var at = new DateTimeOffset(on!.Value.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset);
            var tracking = r.TrackingNumber is null ? "" : ", tracking " + r.TrackingNumber;
            if (r.Result == "mailed")
                return new ApiResult(View(await dispatch.ChangeAsync(client, caseId, serviceId, rec => rec.Mailed(at, $"mailed{tracking}; recorded by {caller.Id}"), "mailed", ct)));
            var kind = r.Result == "received" ? ServiceEvidenceKind.Received : ServiceEvidenceKind.Returned;
            var step = current.CurrentStep;
            var changed = await dispatch.ChangeAsync(client, caseId, serviceId, rec => rec.CurrentStep == step ? rec.WithEvidence(step, kind, at,
                $"post {r.Result}{tracking}; recorded by {caller.Id}") : null, "postal-result", ct);
            // Returned from an address the court only found: that step failed; the workflow moves on.
            if (changed.Status != ServiceStatus.Served && kind == ServiceEvidenceKind.Returned)
                changed = await dispatch.ChangeAsync(client, caseId, serviceId, rec => rec.CurrentStep == step ? rec.Advance(clock.GetUtcNow(), "post returned") : null, "advance", ct);
            return new ApiResult(View(changed));
        }, Roles.Clerk);

    [Function("OrderPublicNotice")]
    public Task<IActionResult> OrderPublicNotice(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{caseId}/service/{serviceId}/public-notice")] HttpRequest req, string caseId, string serviceId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var (stored, current) = await LoadForStaffAsync(caseId, serviceId, caller, Roles.Judge, "Public notice is ordered by the case's judge.", ct);
            var r = await RequestBody.ReadJsonAsync<PublicNoticeRequest>(req);
            var v = new Validation();
            var posted = v.Date(r.LastPostedOn, "lastPostedOn");
            var reasons = v.Text(r.Reasons, "reasons", 2000, required: false);
            v.ThrowIfAny();
            if (PublicNotice.Refusal(stored.Case.Procedure, current.Status == ServiceStatus.AwaitingPublicNoticeDecision, reasons) is { } refusal)
                throw refusal.Rule == "public-notice-needs-reasons" ? ApiProblem.Validation("reasons", refusal.Reason) : ApiProblem.Rule(refusal.Rule, refusal.Reason);
            var changed = await dispatch.ChangeAsync(client, caseId, serviceId,
                rec => rec.Status == ServiceStatus.AwaitingPublicNoticeDecision
                    ? rec.PublicNoticePosted(posted!.Value, clock.GetUtcNow(), $"ordered by {caller.Id}: {reasons}")
                    : null, "public-notice", ct);
            return new ApiResult(View(changed));
        }, Roles.Judge);

    /// <summary>The case and one of its services, for the case's staff in <paramref name="role"/>.</summary>
    private async Task<(StoredCase Case, ServiceRecord Service)> LoadForStaffAsync(string caseId, string serviceId, Domain.Access.CourtUser caller, string role,
        string forbidden, CancellationToken ct)
    {
        var stored = await access.LoadAsync(caseId, caller, ct);
        if (!caller.IsStaffOf(stored.Case.Court, role)) throw ApiProblem.Forbidden(forbidden);
        if (!ServiceIdPattern().IsMatch(serviceId)) throw ApiProblem.NotFound("such service");
        return (stored, (await services.GetAsync(caseId, serviceId, ct))?.Record ?? throw ApiProblem.NotFound("such service"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}-p[0-9]{1,3}$")]
    private static partial Regex ServiceIdPattern();

    [GeneratedRegex("^[A-Za-z0-9]{6,40}$")]
    private static partial Regex TrackingPattern();
}
