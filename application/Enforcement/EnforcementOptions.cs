using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>The court's local rules for enforcement (section ECourt:Enforcement), read as the domain's <see
/// cref="EnforcementPolicy"/>.</summary>
public sealed class EnforcementOptions
{
    /// <summary>Payouts above this amount are approved by the president after the division head (法发〔2017〕6号 art. 14: by amount).</summary>
    public decimal PresidentApprovalAbove { get; set; } = EnforcementPolicy.Default.PresidentApprovalAbove;

    /// <summary>Days the banks have to answer an asset inquiry before it closes with the silent ones named.</summary>
    public int InquiryAnswerDays { get; set; } = EnforcementPolicy.Default.InquiryAnswerDays;

    /// <summary>Working days each payout approval step may take before it is escalated.</summary>
    public int ApprovalStepWorkingDays { get; set; } = EnforcementPolicy.Default.ApprovalStepWorkingDays;

    /// <summary>Working days without an officer's act after which a case is flagged for the division head.</summary>
    public int SupervisionWorkingDays { get; set; } = EnforcementPolicy.Default.SupervisionWorkingDays;

    /// <summary>
    /// The banks an asset inquiry asks (their codes, as their subscriptions on topic bank-requests are named); none configured: the
    /// default four. Empty by default, since binding a configured list adds to a list that is already there.
    /// </summary>
    public List<string> Banks { get; set; } = [];

    /// <summary>The court's own bank, which holds the case accounts and pays out.</summary>
    public string CourtBank { get; set; } = EnforcementPolicy.Default.CourtBank;

    public EnforcementPolicy Policy() => new(PresidentApprovalAbove, InquiryAnswerDays, ApprovalStepWorkingDays, SupervisionWorkingDays,
        Banks.Count == 0 ? EnforcementPolicy.Default.Banks : Banks.Distinct(StringComparer.Ordinal).ToList(), CourtBank);
}
