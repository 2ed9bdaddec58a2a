using ECourt.Domain.Access;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Who approves a payout of enforcement funds (SPC Provisions on the Management of Enforcement Funds and Property, 法发〔2017〕6号,
/// art. 14: approved by amount): the division head always; the president too when the amount is above the court's threshold.
/// </summary>
public static class PayoutApproval
{
    public const string Source = "SPC Provisions on the Management of Enforcement Funds and Property (法发〔2017〕6号) art. 14";

    public static bool NeedsPresident(decimal amount, EnforcementPolicy policy) => amount > policy.PresidentApprovalAbove;

    /// <summary>The role whose decision the payout waits for.</summary>
    public static string RoleFor(PayoutStatus status) => status switch
    {
        PayoutStatus.AwaitingDivisionHead => Roles.DivisionHead,
        PayoutStatus.AwaitingPresident => Roles.President,
        _ => throw new DomainRuleException("payout-not-awaiting-decision", $"A payout that is {status} awaits no decision."),
    };
}
