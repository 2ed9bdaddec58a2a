using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Domain.Enforcement;

/// <summary>Performance the debtor made to the creditor directly, recorded by the officer on the creditor's written confirmation.</summary>
public sealed record DirectPayment(decimal Amount, string ConfirmationDocumentId, string RecordedBy, DateTimeOffset At);

/// <summary>
/// Performance made directly to the creditor (SPC Provisions on Several Issues of Enforcement Work (Trial), art. 86: the creditor's
/// confirmation of what it received) counts like money received: it reduces what is owed, what freezes may secure and what is held for
/// the creditor. The officer records it with the creditor's written confirmation, a document the creditor's side filed in the case.
/// </summary>
public static class DirectPerformance
{
    public const string Source = "SPC Provisions on Several Issues of Enforcement Work (Trial, 1998) art. 86";

    public static (CourtCase Case, CaseEvent Event) Record(CourtCase c, Actor officer, decimal amount, CaseDocument confirmation,
        CaseSide uploadedBy, DateTimeOffset at, DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        var e = EnforcementMeasures.Of(c);
        if (uploadedBy != CaseSide.Filing)
            throw new DomainRuleException("confirmation-not-creditors",
                $"Document {confirmation.DocumentId} was not filed by the creditor's side: direct performance counts on the creditor's "
                + $"own confirmation ({Source}).", "confirmationDocumentId");
        var unpaid = e.AmountToRecover - e.PerformedDirectly - Math.Min(e.Received, e.AmountToRecover - e.PerformedDirectly);
        if (amount <= 0m || amount > unpaid)
            throw new DomainRuleException("direct-performance-exceeds-debt",
                $"At most the {unpaid:0.00} yuan of the debt not yet received or performed is performed directly.", "amount");
        var payment = new DirectPayment(amount, confirmation.DocumentId, officer.UserId, at);
        return EnforcementMeasures.Act(c, officer, at,
            $"{amount:0.00} yuan performed directly to the creditor, on its confirmation {confirmation.DocumentId} ({Source})",
            x =>
            {
                var done = x with { DirectPayments = [.. x.DirectPayments, payment] };
                return done with { FullyPerformedAt = done.FullyPerformedAt ?? (done.PerformedInFull ? at : null) };
            }, deadlines, supervisionWorkingDays);
    }
}
