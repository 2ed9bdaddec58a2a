using ECourt.Application.Access;
using System.Text.RegularExpressions;
using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The case's clerk records what became of a posted document: mailed (the post step starts), then received, or returned
/// (served if returned from a confirmed address; from an address the court found, the route moves on), never dated before
/// the mailing.
/// </summary>
public sealed partial class RecordPostalResult(ServiceForStaff load, ServiceRecords records, TimeProvider clock)
{
    public sealed record Request(
        [property: Required, OneOf(typeof(PostalResult)), Bound(Bounds.WireName)] string? Result,
        [property: Required, Form(FieldForm.Date), Bound(Bounds.Code)] string? Date,
        [property: Bound(Bounds.Code)] string? TrackingNumber);

    public async Task<ServiceRecord> RunAsync(CaseGrant grant, string serviceId, Request r, CancellationToken ct)
    {
        var (caseId, caller) = (grant.CaseId, grant.Caller);
        var current = await load.LoadAsync(grant, serviceId, ct);
        var v = new Validation();
        v.Check(r.Result is "mailed" or "received" or "returned", "result",
            "mailed (the clerk posted it), received (the receipt came back signed) or returned (undelivered).");
        var on = v.Date(r.Date, "date");
        v.Check(r.TrackingNumber is null || TrackingPattern().IsMatch(r.TrackingNumber), "trackingNumber",
            "The postal tracking number: letters and digits.");
        v.ThrowIfAny();
        if (current.Status != ServiceStatus.InProgress || current.Step.Method != ServiceMethod.Post)
            throw new ConflictException("service-not-by-post", "This service is not by post now.");
        if ((r.Result == "mailed") != (current.Current is null))
            throw new ConflictException("postal-result-out-of-order",
                current.Current is null ? "Record the mailing first." : "The document was mailed already.");
        var at = new DateTimeOffset(on!.Value.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset);
        if (r.Result != "mailed") current.CheckPostalResultDate(at);
        var tracking = r.TrackingNumber is null ? "" : ", tracking " + r.TrackingNumber;
        if (r.Result == "mailed")
            return await records.ChangeAsync(caseId, serviceId, rec => rec.Mailed(at, $"mailed{tracking}; recorded by {caller.Id}"),
                "mailed", ct);
        var kind = r.Result == "received" ? ServiceEvidenceKind.Received : ServiceEvidenceKind.Returned;
        var step = current.CurrentStep;
        var changed = await records.ChangeAsync(caseId, serviceId, rec => rec.CurrentStep == step ? rec.WithEvidence(step, kind, at,
            $"post {r.Result}{tracking}; recorded by {caller.Id}") : null, "postal-result", ct);
        // Returned from an address the court only found: that step failed; the workflow moves on.
        if (changed.Status != ServiceStatus.Served && kind == ServiceEvidenceKind.Returned)
            changed = await records.ChangeAsync(caseId, serviceId,
                rec => rec.CurrentStep == step ? rec.Advance(clock.GetUtcNow(), "post returned") : null, "advance", ct);
        return changed;
    }

    [GeneratedRegex("^[A-Za-z0-9]{6,40}$")]
    private static partial Regex TrackingPattern();
}
