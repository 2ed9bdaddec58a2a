namespace ECourt.Domain.Cases;

/// <summary>The deadlines the system keeps for a case, by what happens when each passes.</summary>
public enum DeadlineKind
{
    /// <summary>7 days from submission (or corrections): undecided → registered first.</summary>
    FilingReview,
    /// <summary>The cure deadline of a correction notice: not corrected → returned.</summary>
    CorrectionCure,
    /// <summary>The fee period's end plus the court's grace: the ledger is read again.</summary>
    FeeLedgerCheck,
    /// <summary>Fee settled and every defendant served: move to the answer and evidence stage now.</summary>
    EvidenceStage,
}

public sealed record PendingDeadline(DeadlineKind Kind, DateTimeOffset At);

public static class CaseDeadlines
{
    /// <summary>The next deadline the system must keep in the case's current state, if any.</summary>
    public static PendingDeadline? Next(CourtCase @case) => @case.Status switch
    {
        CaseStatus.Submitted when @case.Review is { } r => new(DeadlineKind.FilingReview, r.Deadline.EndsAt),
        CaseStatus.CorrectionRequested when @case.Review?.Correction is { } n => new(DeadlineKind.CorrectionCure, n.CureDeadline.EndsAt),
        CaseStatus.AwaitingFee when @case.FeeNotice?.LedgerCheckAt is { } at => new(DeadlineKind.FeeLedgerCheck, at),
        CaseStatus.Accepted when Service.ComplaintService.AllServed(@case) => new(DeadlineKind.EvidenceStage, @case.Process!.ComplaintServed.Max(s => s.ServedAt)),
        _ => null,
    };

    /// <summary>
    /// True when nothing more happens to the case in this lifecycle without a later stage. An accepted case
    /// whose complaint copy is still being served waits for the service workflows, which move it on.
    /// </summary>
    public static bool LifecycleEnded(CourtCase @case) => @case.Status.IsFinal() || @case.Status == CaseStatus.EvidenceExchange
        || (@case.Status == CaseStatus.Accepted && !Service.ComplaintService.AllServed(@case));

    /// <summary>Registered and service of process not started yet.</summary>
    public static bool ServiceToStart(CourtCase @case) => @case.CaseNumber is not null && @case.Process is null && !@case.Status.IsFinal();
}
