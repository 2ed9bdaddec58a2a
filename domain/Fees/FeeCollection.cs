using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Money;

namespace ECourt.Domain.Fees;

/// <summary>
/// The acceptance fee after registration (Measures on Payment of Litigation Costs art. 22; SPC CPL
/// Interpretation art. 213): 7 days from the day after the notice is served; a credit booked before
/// the period's end counts even if reported later; unpaid with no pending aid application → flagged
/// to a judge, whose ruling treats the case as withdrawn. While fee aid is undecided the period does
/// not run (arts. 44–48). The decision is a court document served on the applicant like the notice:
/// the period for what remains runs from the day after it is served (and never before the notice
/// itself is served), and a deferral's date counts only once it is served.
/// </summary>
public sealed class FeeCollection(DeadlineCalculator deadlines, Func<string, Court> courts)
{
    /// <summary>Pay the litigation fee within 7 days from the day after the fee notice is served (Measures art. 22): statutory.</summary>
    public const int FeePaymentDays = 7;

    public FeeNotice IssueNotice(CourtCase filing, string accountNumber, DateTimeOffset issuedAt, Court court)
    {
        var quote = new FeeSchedule(court.FeeFigures).Quote(filing.CaseType, filing.ClaimAmount, filing.Procedure);
        // Issued, not yet served: the period starts from the day after service (see NoticeServed).
        return new FeeNotice(accountNumber, quote.Fee, quote.Basis, issuedAt, null, null, null, null, false, 0m, 0m, false);
    }

    /// <summary>
    /// The fee notice was served: the 7-day period runs from the day after (unless fee aid is pending, when it waits for
    /// the decision, or the decision is not served yet). Null when the notice was served before.
    /// </summary>
    public (CourtCase Case, CaseEvent Event)? NoticeServed(CourtCase @case, DateTimeOffset servedAt)
    {
        if (@case.FeeNotice is not { ServedOn: null } notice) return null;
        var on = ChinaTime.DateOf(servedAt);
        var served = PeriodOnceServed(@case, notice with { ServedOn = on });
        var reason = $"Fee notice served on {on:yyyy-MM-dd}" + (served.DueDate is { } due
            ? $"; the fee is due by the end of {due:yyyy-MM-dd}" : "");
        return @case.Record("FeeNoticeServed", Actor.System, servedAt, reason, c => c.With(served));
    }

    /// <summary>
    /// The decision on fee aid was served on the applicant: what remains is due within 7 days from the day after (or by
    /// the deferral's date), once the notice itself is served too. Null when it was served before, or is not one to serve.
    /// </summary>
    public (CourtCase Case, CaseEvent Event)? DecisionServed(CourtCase @case, DateTimeOffset servedAt)
    {
        if (@case.FeeAid is not { Decision: { Service: { ServedOn: null } service } decision } aid) return null;
        var on = ChinaTime.DateOf(servedAt);
        var decided = aid with { Decision = decision with { Service = service with { ServedOn = on } } };
        var notice = @case.FeeNotice;
        var started = notice is null ? null : PeriodOnceServed(@case.With(decided), notice);
        var reason = $"Decision on fee aid served on {on:yyyy-MM-dd}" + (started switch
        {
            { Waived: true } => "",
            { DueDate: { } due } => $"; the fee is due by the end of {due:yyyy-MM-dd}",
            { ServedOn: null } => "; the fee period runs once the fee notice is served too",
            _ => "",
        });
        return @case.Record("FeeAidDecisionServed", Actor.System, servedAt, reason, c => c.With(decided).With(started));
    }

    /// <summary>
    /// The decision's document is made and its service on <paramref name="recipients"/> started. Null when it was before.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event)? DecisionSentForService(CourtCase @case, DateTimeOffset at,
        IReadOnlyList<int> recipients)
    {
        if (@case.FeeAid is not { Decision: { ToSend: true, Service: { } service } decision } aid) return null;
        return @case.Record("SendFeeAidDecision", Actor.System, at,
            $"Decision on fee aid sent for service on party {string.Join(", ", recipients)}",
            c => c.With(aid with { Decision = decision with { Service = service with { SentAt = at } } }));
    }

    /// <summary>
    /// The notice with its period, if the applicant now holds all it must act on: the notice served and, after fee aid, the
    /// decision served; the period runs from the day after the later of the two. A deferral's date stands where it is
    /// later than that period's end; where the decision reached the party too late for it, the party still has the 7 days
    /// (a deferral never gives less time than a refusal would). While aid is pending, after acceptance or once waived,
    /// no period runs.
    /// </summary>
    private FeeNotice PeriodOnceServed(CourtCase @case, FeeNotice notice)
    {
        if (notice.ServedOn is not { } from || notice.Waived || @case.Status != CaseStatus.AwaitingFee || @case.FeeAid is { Pending: true })
            return notice;
        var decision = @case.FeeAid?.Decision;
        if (decision?.Service is { } service)
        {
            if (service.ServedOn is not { } decisionServed) return notice;
            if (decisionServed > from) from = decisionServed;
        }
        var (last, provisional) = LastDay(deadlines, from, decision);
        return WithDueDate(deadlines, notice, last, provisional, courts(@case.Court).LocalRules.FeeGraceWorkingDays);
    }

    /// <summary>
    /// The last day to pay: 7 days from the day after <paramref name="from"/> (Measures art. 22), or a granted deferral's day
    /// (moved to a working day) where that is later; and whether the calendar may still change it.
    /// </summary>
    public static (DateOnly LastDay, bool Provisional) LastDay(DeadlineCalculator deadlines, DateOnly from, FeeAidDecision? decision)
    {
        var due = deadlines.Compute(from, FeePaymentDays, PeriodUnit.Days);
        if (decision is { Outcome: FeeAidOutcome.Granted, DeferredUntil: { } until })
        {
            var provisional = false;
            var last = deadlines.Calendar.NextWorkingDayOnOrAfter(until, ref provisional);
            if (last > due.LastDay) return (last, provisional);
        }
        return (due.LastDay, due.Provisional);
    }

    /// <summary>The day the period runs from: the day the notice was served, or the decision on fee aid if served later.</summary>
    public static DateOnly? PeriodStart(FeeNotice notice, FeeAid? aid) =>
        notice.ServedOn is not { } from ? null
        : aid?.Decision?.Service is { ServedOn: { } decided } && decided > from ? decided
        : from;

    /// <summary>Starts the 7-day period from <paramref name="from"/> (the day itself not counted).</summary>
    public FeeNotice StartPeriod(FeeNotice notice, DateOnly from, Court court)
    {
        var due = deadlines.Compute(from, FeePaymentDays, PeriodUnit.Days);
        return WithDueDate(deadlines, notice, due.LastDay, due.Provisional, court.LocalRules.FeeGraceWorkingDays);
    }

    /// <summary>The notice with its last day to pay, and the ledger read again after the court's grace of working days.</summary>
    public static FeeNotice WithDueDate(DeadlineCalculator deadlines, FeeNotice notice, DateOnly dueDate, bool provisional,
        int graceWorkingDays)
    {
        var checkDay = dueDate;
        for (var i = 0; i < graceWorkingDays; i++)
        {
            checkDay = deadlines.NextWorkingDayAfter(checkDay, out var p);
            provisional |= p;
        }
        return notice with
        {
            DueDate = dueDate,
            PeriodEndsAt = ChinaTime.EndOfDay(dueDate),
            LedgerCheckAt = ChinaTime.EndOfDay(checkDay),
            DueDateProvisional = provisional,
            GraceWorkingDays = graceWorkingDays,
        };
    }

    /// <summary>
    /// Why a credit cannot be booked to the case, or null when it can: a case takes money once it is registered, which
    /// issues its account and fee notice together. (A case that has ended is refused earlier, by the ledger.)
    /// </summary>
    public static DomainRuleException? CreditRefusal(CourtCase @case) => @case.FeeNotice is null
        ? new DomainRuleException("case-not-registered",
            $"The case is {@case.Status}; it has no account or fee notice until it is registered, so it takes no credit yet.")
        : null;

    /// <summary>
    /// Applies a credit the ledger has just recorded. Returns the settling transition when the fee is
    /// now paid, else a plain event recording the payment.
    /// </summary>
    public (CourtCase Case, CaseEvent Event) ApplyCredit(CourtCase @case, Payments.FeeCredit credit, DateTimeOffset at)
    {
        var notice = @case.FeeNotice ?? throw CreditRefusal(@case)!;
        var inTime = notice.PeriodEndsAt is not { } end || credit.BookedAt < end;
        var updated = notice with
        {
            AmountPaid = notice.AmountPaid + credit.Amount,
            AmountPaidInTime = notice.AmountPaidInTime + (inTime ? credit.Amount : 0m),
        };
        var withPayment = (Func<CourtCase, CourtCase>)(c => c.With(updated));
        var what = $"Credit {Yuan.Format(credit.Amount)} from {credit.BankCode} transaction {credit.BankTransactionId}, booked {ChinaTime.ToChinaTime(credit.BookedAt):yyyy-MM-dd HH:mm}"
            + (inTime ? "" : " (after the fee period ended)");
        if (updated.Paid && CaseTransitions.IsAllowed(@case.Status, FeesActions.SettleFee))
            return @case.Transition(FeesActions.SettleFee, Actor.System, at,
                $"{what}: fee of {Yuan.Format(notice.AmountDue)} paid in time", withPayment);
        return @case.Record("RecordFeeCredit", Actor.System, at,
            $"{what}; paid in time {Yuan.Format(updated.AmountPaidInTime)} of {Yuan.Format(notice.AmountDue)}", withPayment);
    }

    /// <summary>At the ledger check after the period and its grace: settled, or flagged to a judge.</summary>
    public (CourtCase Case, CaseEvent Event)? CheckAfterPeriod(CourtCase @case, DateTimeOffset now)
    {
        if (@case.Status != CaseStatus.AwaitingFee || @case.FeeNotice is not { LedgerCheckAt: { } checkAt } notice
            || now < checkAt) return null;
        return notice.Paid
            ? @case.Transition(FeesActions.SettleFee, Actor.System, now, "Fee paid within the period")
            : @case.Transition(FeesActions.FlagFeeOverdue, Actor.System, now,
                $"Fee not paid by the end of {notice.DueDate:yyyy-MM-dd} and no fee aid pending: for a judge's ruling (Measures art. 22; SPC CPL Interpretation art. 213)");
    }

    public (CourtCase Case, CaseEvent Event) ApplyForAid(CourtCase @case, Actor applicant, DateTimeOffset at, FeeAidKind kind,
        IReadOnlyList<string> reasons)
    {
        if (reasons.Count == 0) throw new DomainRuleException("reasons-required",
            "A fee aid application states why the party cannot pay.", "reasons");
        if (@case.FeeAid is not null) throw new DomainRuleException("fee-aid-already-applied",
            "Fee aid was already applied for in this case.");
        var aid = new FeeAid(kind, reasons, applicant.UserId, at, null);
        var reason = $"Fee aid ({kind}) applied for: the fee period does not run until it is decided";
        if (@case.Status is CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.CorrectionRequested)
            return @case.Record("ApplyForFeeAid", applicant, at, reason, c => c.With(aid));
        return @case.Transition(FeesActions.ApplyForFeeAid, applicant, at, reason, c => c.With(aid)
            .With(c.FeeNotice! with { DueDate = null, PeriodEndsAt = null, LedgerCheckAt = null, DueDateProvisional = false }));
    }

    /// <summary>Suspends the fee period at registration when aid was applied for with the filing.</summary>
    public (CourtCase Case, CaseEvent Event)? SuspendForPendingAid(CourtCase registered, DateTimeOffset at)
    {
        if (registered.Status != CaseStatus.AwaitingFee || registered.FeeAid is not { Pending: true } aid) return null;
        return registered.Transition(FeesActions.ApplyForFeeAid, Actor.System, at,
            $"Fee aid ({aid.Kind}) applied for with the filing: the fee period does not run until it is decided");
    }

    /// <summary>
    /// A judge decides the application. A waiver ends the fee question at once (the decision is still served, but nothing
    /// waits for it); otherwise no period runs until the decision is served on the applicant (see <see cref="DecisionServed"/>).
    /// </summary>
    public (CourtCase Case, CaseEvent Event) DecideAid(CourtCase @case, Actor judge, DateTimeOffset at, FeeAidOutcome outcome,
        decimal? reducedAmount, DateOnly? deferredUntil, IReadOnlyList<string> reasons)
    {
        if (@case.FeeAid is not { Pending: true } aid) throw new DomainRuleException("no-pending-fee-aid",
            "There is no undecided fee aid application.");
        CaseTransitions.Target(@case.Status, outcome == FeeAidOutcome.Granted && aid.Kind == FeeAidKind.Waive ? FeesActions.WaiveFee
            : FeesActions.DecideFeeAid);
        var notice = @case.FeeNotice!;
        var today = ChinaTime.DateOf(at);
        var decision = new FeeAidDecision(outcome, null, null, reasons, judge.UserId, at, new FeeAidDecisionService(null, null));

        if (outcome == FeeAidOutcome.Granted && aid.Kind == FeeAidKind.Waive)
            return @case.Transition(FeesActions.WaiveFee, judge, at,
                "Fee waived (Measures art. 45); the decision is served on the applicant, though nothing waits for it",
                c => c.With(aid with { Decision = decision }).With(notice with { Waived = true }));

        const string served = "from the day after this decision is served on the applicant (Measures art. 22)";
        string reason;
        if (outcome == FeeAidOutcome.Granted && aid.Kind == FeeAidKind.Reduce)
        {
            if (reducedAmount is not { } amount || amount <= 0 || amount >= notice.AmountDue || decimal.Round(amount, 2) != amount)
                throw new DomainRuleException("reduced-amount-invalid",
                    $"A reduction names the fee now due, more than 0.00 and less than {Yuan.Format(notice.AmountDue)}.", "reducedAmount");
            notice = notice with { AmountDue = amount };
            decision = decision with { ReducedAmount = amount };
            reason = $"Fee reduced to {Yuan.Format(amount)}; due within 7 days {served}";
        }
        else if (outcome == FeeAidOutcome.Granted && aid.Kind == FeeAidKind.Defer)
        {
            if (deferredUntil is not { } until || until <= today)
                throw new DomainRuleException("deferral-date-invalid", "A deferral names a last day to pay after today.", "deferredUntil");
            decision = decision with { DeferredUntil = until };
            reason = $"Payment deferred to {until:yyyy-MM-dd}, which applies once this decision is served on the applicant";
        }
        else
        {
            reason = $"Fee aid refused; the full fee is due within 7 days {served}";
        }
        // No period until the decision is served: none runs now (the application suspended it, or it never started).
        var waiting = notice with { DueDate = null, PeriodEndsAt = null, LedgerCheckAt = null, DueDateProvisional = false };
        return @case.Transition(FeesActions.DecideFeeAid, judge, at, reason, c => c.With(aid with { Decision = decision }).With(waiting));
    }

    public (CourtCase Case, CaseEvent Event) RuleWithdrawn(CourtCase @case, Actor judge, DateTimeOffset at,
        IReadOnlyList<string> reasons) =>
        @case.Transition(FeesActions.RuleDeemedWithdrawn, judge, at,
            "Ruling: the case is treated as withdrawn for non-payment of the acceptance fee (SPC CPL Interpretation art. 213)"
            + (reasons.Count > 0 ? ": " + string.Join("; ", reasons) : ""));
}
