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
        _ => null,
    };

    /// <summary>True when nothing more happens to the case in this lifecycle without a later stage.</summary>
    public static bool LifecycleEnded(CourtCase @case) => @case.Status.IsFinal() || @case.Status == CaseStatus.Accepted;
}
