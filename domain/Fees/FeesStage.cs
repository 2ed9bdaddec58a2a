using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Fees;

/// <summary>
/// The fee stage: the fee notice, fee aid, the 7-day period and the judge's ruling. Its deadlines: the end of the fee
/// period, kept after the court's grace for credits in transit (the ledger is read again: paid, or flagged to a judge);
/// and a fee-aid decision to serve on the applicant, kept at once. While fee aid is undecided, its decision is not yet
/// served, or a flag waits for the judge there is no fee deadline; the lifecycle waits for a signal.
/// </summary>
public sealed class FeesStage : ICaseModule
{
    public const string PaymentDeadline = "fee-payment";

    /// <summary>A fee-aid decision whose document is to be made and served on the applicant: at once, as the decision is made.</summary>
    public const string DecisionService = "fee-aid-decision-service";

    public string Name => "Fees";

    public IEnumerable<CaseAction> Actions => FeesActions.All;

    public IEnumerable<CasePart> Parts => [FeesParts.FeeNotice, FeesParts.FeeAid];

    public IEnumerable<string> KeptDeadlineKinds => [PaymentDeadline, DecisionService];

    /// <summary>
    /// The period to pay while it runs: counted again from the day it runs from (the notice's service, or the decision's
    /// if later), with a deferral's day and the court's grace as the notice was given them.
    /// </summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning)
    {
        if (c.Status != CaseStatus.AwaitingFee || c.FeeNotice is not { DueDate: { } told } notice
            || FeeCollection.PeriodStart(notice, c.FeeAid) is not { } from)
            return c;
        var grace = notice.GraceWorkingDays ?? 1;
        var (reckoned, reckonedProvisional) = FeeCollection.LastDay(reckoning.Deadlines, from, c.FeeAid?.Decision);
        var fresh = FeeCollection.WithDueDate(reckoning.Deadlines, notice, reckoned, reckonedProvisional, grace);
        var (kept, provisional) = reckoning.Again(PaymentDeadline, told, notice.DueDateProvisional, reckoned, fresh.DueDateProvisional);
        if (kept == told && provisional == notice.DueDateProvisional) return c;
        return c.With(FeeCollection.WithDueDate(reckoning.Deadlines, notice, kept, provisional, grace));
    }

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines)
    {
        if (c.Status == CaseStatus.AwaitingFee
            && c.FeeNotice is { DueDate: { } due, PeriodEndsAt: { } ends, LedgerCheckAt: { } check } notice)
            yield return new PendingDeadline(PaymentDeadline, due, ends, notice.DueDateProvisional,
                "Measures on Payment of Litigation Costs art. 22: pay within 7 days", check);
        if (c.FeeAid?.Decision is { ToSend: true } decision)
        {
            var day = ChinaTime.DateOf(decision.DecidedAt);
            yield return new PendingDeadline(DecisionService, day, ChinaTime.EndOfDay(day), false,
                "Measures on Payment of Litigation Costs arts. 44–48: the decision is served on the applicant; the fee period runs from the day after",
                decision.DecidedAt);
        }
    }
}
