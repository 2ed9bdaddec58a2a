using ECourt.Domain.Cases;

namespace ECourt.Domain.Fees;

/// <summary>
/// The fee stage: the fee notice, fee aid, the 7-day period and the judge's ruling. Its deadline: the end of the fee
/// period, kept after the court's grace for credits in transit (the ledger is read again: paid, or flagged to a judge).
/// While fee aid is undecided or a flag waits for the judge there is no deadline; the lifecycle waits for a signal.
/// </summary>
public sealed class FeesStage : ICaseModule
{
    public const string PaymentDeadline = "fee-payment";

    public string Name => "Fees";

    public IEnumerable<CaseAction> Actions => FeesActions.All;

    public IEnumerable<CasePart> Parts => [FeesParts.FeeNotice, FeesParts.FeeAid];

    public IEnumerable<string> KeptDeadlineKinds => [PaymentDeadline];

    public CourtCase Recompute(CourtCase c, Calendar.DeadlineReckoning reckoning) => c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines)
    {
        if (c.Status == CaseStatus.AwaitingFee
            && c.FeeNotice is { DueDate: { } due, PeriodEndsAt: { } ends, LedgerCheckAt: { } check } notice)
            yield return new PendingDeadline(PaymentDeadline, due, ends, notice.DueDateProvisional,
                "Measures on Payment of Litigation Costs art. 22: pay within 7 days", check);
    }
}
