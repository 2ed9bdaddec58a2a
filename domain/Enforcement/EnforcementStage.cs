using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The enforcement stage. On an original case: a creditor's application recorded and not yet opened as its enforcement case (kept at
/// once: the lifecycle opens it after a crash). On an enforcement case (its own lifecycle keeps every deadline, the officer's acts
/// and the banks' answers waking it): the notice to the debtor, requests still in the outbox, each inquiry's answer period, each
/// freeze's renewal reminder and term, each payout step's day and the 30 days to pay funds out, supervision and the time limit, and
/// the closing once everything is performed and paid out.
/// </summary>
public sealed class EnforcementStage : ICaseModule
{
    public const string Opening = "enforcement-opening";
    public const string Notice = "enforcement-notice";
    public const string BankRequests = "bank-requests";
    public const string InquiryAnswers = "inquiry-answers";
    public const string FreezeRenewal = "freeze-renewal";
    public const string FreezeExpiry = "freeze-expiry";
    public const string PayoutApprovalStep = "payout-approval";
    public const string PayoutDue = "payout-due";
    public const string TimeLimit = "enforcement-limit";
    public const string Supervision = "supervision";
    public const string Closing = "enforcement-close";
    public const string DishonestDecision = "dishonest-decision";
    public const string DishonestPublicList = "dishonest-public-list";
    public const string DishonestRemoval = "dishonest-removal";
    public const string DishonestTerm = "dishonest-term";

    public string Name => "Enforcement";

    public IEnumerable<CaseAction> Actions => EnforcementActions.All;

    public IEnumerable<CasePart> Parts => [EnforcementParts.Summary, EnforcementParts.Applications];

    public IEnumerable<string> KeptDeadlineKinds =>
        [Opening, Notice, BankRequests, InquiryAnswers, FreezeRenewal, FreezeExpiry, PayoutApprovalStep, PayoutDue, TimeLimit,
            Supervision, Closing,
            DishonestDecision, DishonestPublicList, DishonestRemoval, DishonestTerm];

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        foreach (var a in c.EnforcementApplications?.Items.Where(a => a.OpenedAt is null) ?? [])
            yield return AtOnce(Opening, a.AppliedAt, $"CPL art. 247: party {a.CreditorParty}'s application opens its enforcement case");
        if (c.Enforcement is not { } e || c.Status.IsFinal()) yield break;
        if (e.NoticeSentAt is null)
            yield return new PendingDeadline(Notice, e.NoticeDueBy, ChinaTime.EndOfDay(e.NoticeDueBy), false,
                $"{EnforcementTimeLimits.NoticeSource}: the notice of enforcement and the order to report assets are sent to the debtor",
                    e.FiledAt);
        if (e.Unsent.Count > 0)
            yield return AtOnce(BankRequests, now, $"{e.Unsent.Count} request(s) to banks to send");
        foreach (var i in e.Inquiries.Where(i => i.IsOpen))
            yield return Kept(InquiryAnswers, i.AnswerBy,
                $"{AssetInquiries.Source}: inquiry {i.InquiryId} closes; {i.Silent.Count()} of {i.Banks.Count} banks have not answered");
        foreach (var f in e.Freezes.Where(f => f.IsInForce))
        {
            if (Freezes.AwaitsReminder(e, f))
                yield return new PendingDeadline(FreezeRenewal, Freezes.ReminderDay(f), ChinaTime.EndOfDay(Freezes.ReminderDay(f)), false,
                    $"{EnforcementTimeLimits.FreezeSource}: renew freeze {f.RequestId} ({f.BankCode} {f.AccountNumber}) before it ends "
                        + $"on {f.Until:yyyy-MM-dd}",
                    ChinaTime.EndOfDay(Freezes.ReminderDay(f).AddDays(-1)));
            yield return Kept(FreezeExpiry, f.Until,
                $"{EnforcementTimeLimits.FreezeSource}: freeze {f.RequestId} of {f.Frozen:0.00} yuan ({f.BankCode} {f.AccountNumber}) "
                    + $"lapses unless renewed");
        }
        foreach (var p in e.Payouts.Where(p => p.AwaitsDecision && p.EscalatedAt is null))
            yield return Kept(PayoutApprovalStep, p.StepDueBy,
                $"{PayoutApproval.Source}: the {PayoutApproval.RoleFor(p.Status)} decides payout {p.PayoutId} of {p.Amount:0.00} yuan");
        if (EnforcementFunds.PayoutDue(e, deadlines) is { } due)
        {
            var basis = $"{EnforcementTimeLimits.PayoutSource}: funds noticed on {due.Start:yyyy-MM-dd} are paid out within 30 days";
            yield return e.PayoutOverdueSince is not null ? PendingDeadline.Shown(PayoutDue, due, basis + " (overdue)")
                : e.Deferral is { } deferral && deferral.Until >= due.LastDay
                    ? PendingDeadline.Kept(PayoutDue, due, basis + $" (deferred until {deferral.Until:yyyy-MM-dd}: "
                        + $"{deferral.Reason.WireName()})", ChinaTime.EndOfDay(deferral.Until))
                    : PendingDeadline.Kept(PayoutDue, due, basis);
        }
        foreach (var l in e.Listings.Where(l => l.SentAt is null))
            yield return AtOnce(DishonestDecision, l.DecidedAt,
                $"{DishonestList.Source} art. 5: the decision is served on party {l.Debtor}");
        if (e.Listings.Any(l => !l.PublicListCurrent))
            yield return AtOnce(DishonestPublicList, now, $"{DishonestList.Source} art. 7: the public list shows the listings as decided");
        if (DishonestList.RemovalDue(e, deadlines) is { } removal)
            yield return PendingDeadline.Kept(DishonestRemoval, removal,
                $"{DishonestList.Source} art. 10: performed in full, the debtors are taken off within 3 working days", now);
        foreach (var l in e.Listings.Where(l => l.InForce && l.Until is not null))
            yield return Kept(DishonestTerm, l.Until!.Value, $"{DishonestList.Source} art. 2: party {l.Debtor}'s listing ends");
        if (c.Status != CaseStatus.Enforcing) yield break;
        if (e.LimitExceededAt is null)
            yield return Kept(TimeLimit, e.LimitLastDay,
                $"{EnforcementTimeLimits.LimitSource}: the case is closed within 6 months of filing");
        if (e.SupervisedSince is null)
            yield return Kept(Supervision, e.SuperviseFrom,
                $"{EnforcementSupervision.Source}: the officer acts before the case is supervised");
        if (EnforcementClosing.IsDone(e))
            yield return AtOnce(Closing, now, "CPL art. 264: performed in full and paid out; the case closes");
    }

    private static PendingDeadline AtOnce(string kind, DateTimeOffset at, string basis) =>
        new(kind, ChinaTime.DateOf(at), ChinaTime.EndOfDay(ChinaTime.DateOf(at)), false, basis, at);

    private static PendingDeadline Kept(string kind, DateOnly lastDay, string basis) =>
        new(kind, lastDay, ChinaTime.EndOfDay(lastDay), false, basis, ChinaTime.EndOfDay(lastDay));
}
