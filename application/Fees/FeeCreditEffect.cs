using ECourt.Application.Payments;
using ECourt.Domain;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Payments;

namespace ECourt.Application.Fees;

/// <summary>A credit to a first-instance case's account pays its acceptance fee (the port Payments declares).</summary>
public sealed class FeeCreditEffect(FeeCollection fees) : ICaseCreditEffect
{
    public bool Applies(CourtCase c) => c.CaseType != FeeCaseType.Enforcement;

    /// <summary>Only a credit that settles the fee moves the case on; a part payment leaves its deadline as it is.</summary>
    public bool WakesLifecycle(CourtCase c) => c.Status == CaseStatus.Accepted;

    public DomainRuleException? Refusal(CourtCase c) => FeeCollection.CreditRefusal(c);

    public (CourtCase Case, CaseEvent Event) Apply(CourtCase c, FeeCredit credit, DateTimeOffset at) => fees.ApplyCredit(c, credit, at);

    public decimal Received(CourtCase c) => c.FeeNotice?.AmountPaid ?? 0m;

    public string? AccountNumber(CourtCase c) => c.FeeNotice?.AccountNumber;
}
