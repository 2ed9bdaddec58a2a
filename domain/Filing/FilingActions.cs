using ECourt.Domain.Cases;

namespace ECourt.Domain.Filing;

/// <summary>The filing stage's rows of the transition table, each with its legal source.</summary>
public static class FilingActions
{
    public static readonly CaseAction SubmitFiling = new(nameof(SubmitFiling), [CaseStatus.Draft], CaseStatus.Submitted, "CPL art. 124 (complaint)");

    public static readonly CaseAction RequestCorrection = new(nameof(RequestCorrection), [CaseStatus.Submitted], CaseStatus.CorrectionRequested,
        "SPC Provisions on Case Filing Registration (2015): one notice of every defect");

    public static readonly CaseAction SubmitCorrections = new(nameof(SubmitCorrections), [CaseStatus.CorrectionRequested], CaseStatus.Submitted,
        "SPC Provisions on Case Filing Registration (2015): the 7 days start again");

    public static readonly CaseAction ReturnUncorrectedFiling = new(nameof(ReturnUncorrectedFiling), [CaseStatus.CorrectionRequested], CaseStatus.Returned,
        "SPC Provisions on Case Filing Registration (2015): not corrected in time");

    public static readonly CaseAction RejectFiling = new(nameof(RejectFiling), [CaseStatus.Submitted], CaseStatus.Rejected,
        "CPL art. 126: ruling of non-acceptance with reasons");

    public static readonly CaseAction RegisterCase = new(nameof(RegisterCase), [CaseStatus.Submitted], CaseStatus.AwaitingFee, "CPL art. 126: registration");

    public static readonly CaseAction RegisterOnReviewDeadline = new(nameof(RegisterOnReviewDeadline), [CaseStatus.Submitted], CaseStatus.AwaitingFee,
        "SPC Provisions on Case Filing Registration (2015): undecided within 7 days, registered first");

    public static IReadOnlyList<CaseAction> All { get; } =
        [SubmitFiling, RequestCorrection, SubmitCorrections, ReturnUncorrectedFiling, RejectFiling, RegisterCase, RegisterOnReviewDeadline];
}
