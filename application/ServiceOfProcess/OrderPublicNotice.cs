using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The case's judge orders service by public notice, with reasons, once other means failed; not in simplified or
/// small-claims procedure. Deemed served 30 days after the last posting.
/// </summary>
public sealed class OrderPublicNotice(ServiceForStaff load, ServiceRecords records, TimeProvider clock)
{
    /// <param name="Reasons">the judge's reasons for serving by public notice, kept in the service's record</param>
    public sealed record Request([property: Bound(MaxReasonsChars)] string? Reasons, [property: Required, Form(FieldForm.Date),
        Bound(Bounds.Code)] string? LastPostedOn);

    /// <summary>Why the other means failed, in a paragraph; the decision itself is a document of the case file.</summary>
    public const int MaxReasonsChars = 2000;

    public async Task<ServiceRecord> RunAsync(CaseGrant grant, string serviceId, Request r, CancellationToken ct)
    {
        var (stored, caseId, caller) = (grant.Stored, grant.CaseId, grant.Caller);
        var current = await load.LoadAsync(grant, serviceId, ct);
        var v = new Validation();
        var posted = v.Date(r.LastPostedOn, "lastPostedOn");
        var reasons = v.Text(r.Reasons, "reasons", required: false);
        v.ThrowIfAny();
        if (PublicNotice.Refusal(stored.Case.Procedure, current.Status == ServiceStatus.AwaitingPublicNoticeDecision, reasons)
            is { } refusal)
            throw refusal.Rule == "public-notice-needs-reasons"
                ? InvalidRequestException.Of("reasons", refusal.Reason)
                : new DomainRuleException(refusal.Rule, refusal.Reason);
        return await records.ChangeAsync(caseId, serviceId,
            rec => rec.Status == ServiceStatus.AwaitingPublicNoticeDecision
                ? rec.PublicNoticePosted(posted!.Value, clock.GetUtcNow(), $"ordered by {caller.Id}: {reasons}")
                : null, "public-notice", ct);
    }
}
