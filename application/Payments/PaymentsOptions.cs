namespace ECourt.Application.Payments;

/// <summary>The court's local rules for money received (section ECourt:Banking).</summary>
public sealed class PaymentsOptions
{
    /// <summary>Working days to claim an unmatched deposit to its case before it is flagged overdue (a local rule; 3 by default).</summary>
    public int SuspenseClaimWorkingDays { get; set; } = Domain.Payments.SuspenseRules.DefaultClaimWorkingDays;

    /// <summary>
    /// The court whose finance staff keep deposits to an account number in no court's range (a court's code); unset: the
    /// deployment's default court.
    /// </summary>
    public string? SuspenseCourt { get; set; }
}
