using ECourt.Domain.Cases;

namespace ECourt.Application.Messaging;

/// <summary>Tells a case's lifecycle that its case changed, after the change is committed; a draft has no lifecycle yet.</summary>
public sealed class CaseSignals(IDurableMessaging messaging)
{
    public Task CaseChangedAsync(CourtCase changed, string action, CancellationToken ct) =>
        changed.Status == CaseStatus.Draft
            ? Task.CompletedTask
            : messaging.SendAsync(new CaseChanged(changed.CaseId, changed.Version, action), ct);
}
