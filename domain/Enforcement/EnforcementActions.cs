using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The enforcement stage's rows of the transition table. A creditor's application is recorded on the original case (which stays
/// effective); the enforcement case it opens is a case of its own, created enforcing. The officer's acts (inquiries, freezes,
/// deductions, payouts, listing) are recorded within <see cref="CaseStatus.Enforcing"/>; the case closes for now when nothing is
/// found, reopens when assets appear, and closes when the debt is performed and paid out.
/// </summary>
public static class EnforcementActions
{
    public static readonly CaseAction ApplyForEnforcement = CaseAction.Within(nameof(ApplyForEnforcement), [CaseStatus.Effective],
        "CPL arts. 247, 250: the creditor applies within 2 years of the last day of performance");

    public static readonly CaseAction OpenEnforcement = new(nameof(OpenEnforcement), [CaseStatus.Enforcing], CaseStatus.Enforcing,
        "CPL art. 247; SPC Provisions on Case Filing in Enforcement (2014): a case of its own with its number and account");

    /// <summary>An officer's act in an open enforcement case: an inquiry, a freeze, a deduction, a payout proposal, a listing.</summary>
    public static readonly CaseAction Enforce = CaseAction.Within(nameof(Enforce), [CaseStatus.Enforcing],
        "CPL arts. 252–255; SPC Network Inquiry Provisions (2013)");

    /// <summary>What the banks and the court's approvers answer, and what the ledger brings, while the case is open or closed for
    /// now.</summary>
    public static readonly CaseAction RecordEnforcementResult = CaseAction.Within(nameof(RecordEnforcementResult),
        [CaseStatus.Enforcing, CaseStatus.EnforcementClosedForNow], "CPL arts. 252–255: the results of the court's measures");

    public static readonly CaseAction CloseForNow = new(nameof(CloseForNow), [CaseStatus.Enforcing], CaseStatus.EnforcementClosedForNow,
        "SPC Interpretation art. 517; SPC Provisions on Closing the Present Enforcement Procedure (2016) art. 1");

    public static readonly CaseAction Reopen = new(nameof(Reopen), [CaseStatus.EnforcementClosedForNow], CaseStatus.Enforcing,
        "SPC Interpretation art. 517: enforcement resumes when the debtor's property is found");

    public static readonly CaseAction CloseEnforcement = new(nameof(CloseEnforcement), [CaseStatus.Enforcing], CaseStatus.Enforced,
        "CPL art. 264; the debt performed in full and paid out to the creditor (执行完毕)");

    public static IReadOnlyList<CaseAction> All { get; } =
        [ApplyForEnforcement, OpenEnforcement, Enforce, RecordEnforcementResult, CloseForNow, Reopen, CloseEnforcement];
}
