using ECourt.Application.Payments;
using ECourt.Domain;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Payments;

namespace ECourt.Application.Enforcement;

/// <summary>A credit to an enforcement case's account is funds received (a deduction arriving, or the debtor paying): Payments'
/// port.</summary>
public sealed class EnforcementCreditEffect : ICaseCreditEffect
{
    public bool Applies(CourtCase c) => c.IsEnforcementCase;

    /// <summary>Funds received start their 30 days to be paid out, and may complete performance: the lifecycle reads both.</summary>
    public bool WakesLifecycle(CourtCase c) => true;

    public DomainRuleException? Refusal(CourtCase c) => null;

    public (CourtCase Case, CaseEvent Event) Apply(CourtCase c, FeeCredit credit, DateTimeOffset at) => EnforcementFunds.Credit(c,
        credit, at);

    public decimal Received(CourtCase c) => c.Enforcement?.Received ?? 0m;

    public string? AccountNumber(CourtCase c) => c.Enforcement?.AccountNumber;
}
