using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Hearings;

/// <summary>What a hearing is to be: its start, its courtroom (none when online), public or not, streamed or not.</summary>
public sealed record HearingPlan(DateTimeOffset StartsAt, string? Courtroom, bool Online, bool Public, bool Streamed);

/// <summary>
/// Scheduling, postponing and cancelling a hearing (CPL arts. 136–139, 149, 162; CPL Interpretation art. 227). In ordinary procedure
/// the summons reaches the parties at least 3 days before the hearing: the summons issued today can at the earliest be served
/// today, so the hearing starts no earlier than the day after the 3 whole days that follow (issued Thu 11-27: the 3 days are
/// Fri 11-28 to Sun 11-30, the first start allowed Mon 12-01 00:00 China time). The 3 days are a minimum of notice, not a period
/// for a party's act, so a non-working day counts (CPL art. 85's moving of a last day does not apply). Simplified and small-claims
/// cases may summon by simple means, without that minimum (CPL art. 162).
/// </summary>
public static class HearingRules
{
    /// <summary>Whole days between the summons' service and the hearing day (CPL art. 139).</summary>
    public const int MinimumNoticeDays = 3;

    /// <summary>A case has a handful of hearings; more than this is a runaway client, not a trial.</summary>
    public const int MaxHearings = 30;

    /// <summary>A courtroom's name (第一法庭, 3号法庭): a line.</summary>
    public const int MaxCourtroomChars = 100;

    public const string NoticeBasis = "CPL art. 139; CPL Interpretation art. 227: the summons reaches the parties at least 3 days "
        + "before the hearing";

    /// <summary>The first start allowed in ordinary procedure for a summons that can be served on <paramref name="summonsDay"/>.</summary>
    public static DateTimeOffset FirstAllowedStart(DateOnly summonsDay) => ChinaTime.EndOfDay(summonsDay.AddDays(MinimumNoticeDays));

    /// <summary>The last day the summons must be served on every party for a hearing starting at <paramref name="startsAt"/>.</summary>
    public static DateOnly LastServiceDay(DateTimeOffset startsAt) => ChinaTime.DateOf(startsAt).AddDays(-(MinimumNoticeDays + 1));

    /// <summary>The plan's own rules, as of court time: not in the past, inside the notice in ordinary procedure, a place to be.</summary>
    public static void Check(CourtCase c, HearingPlan plan, DateTimeOffset now)
    {
        if (plan.StartsAt <= now)
            throw new DomainRuleException("hearing-in-past",
                $"A hearing starts after now ({ChinaTime.ToChinaTime(now):yyyy-MM-dd HH:mm} court time).", "startsAt");
        if (c.Procedure == Procedure.Ordinary && plan.StartsAt < FirstAllowedStart(ChinaTime.DateOf(now)))
            throw new DomainRuleException("hearing-notice-too-short",
                $"In ordinary procedure the summons reaches the parties at least 3 days before the hearing (CPL art. 139; CPL "
                + $"Interpretation art. 227): a summons issued today allows a hearing from "
                + $"{ChinaTime.ToChinaTime(FirstAllowedStart(ChinaTime.DateOf(now))):yyyy-MM-dd HH:mm} court time.", "startsAt");
        if (!plan.Online && string.IsNullOrWhiteSpace(plan.Courtroom))
            throw new DomainRuleException("hearing-courtroom-required",
                "A hearing held in court names its courtroom; only an online hearing has none.", "courtroom");
        if (plan.Streamed && !plan.Public)
            throw new DomainRuleException("closed-hearing-not-streamed",
                "A hearing not held in public is not streamed (CPL art. 137; SPC Provisions on Live Broadcasting of Trials).", "streamed");
    }

    public static (CourtCase Case, CaseEvent Event, Hearing Hearing) Schedule(CourtCase c, Actor actor, DateTimeOffset now,
        string hearingId, string documentId, HearingPlan plan)
    {
        CaseTransitions.Target(c.Status, HearingActions.ScheduleHearing);
        var summary = c.Hearings ?? HearingSummary.Empty;
        if (summary.Hearings.FirstOrDefault(h => h.State == HearingState.Scheduled) is { } open)
            throw new DomainRuleException("hearing-already-scheduled",
                $"Hearing {open.HearingId} is scheduled; postpone or cancel it rather than schedule another.");
        if (summary.Hearings.Count >= MaxHearings)
            throw new DomainRuleException("too-many-hearings", $"A case has at most {MaxHearings} hearings.");
        Check(c, plan, now);
        var hearing = New(c, actor, now, hearingId, documentId, plan);
        var (scheduled, ev) = c.Transition(HearingActions.ScheduleHearing, actor, now,
            $"Hearing {hearingId} scheduled for {Describe(plan)}; the summons is served on every party ({NoticeBasis})",
            x => x.WithHearings(new HearingSummary([.. summary.Hearings, hearing])));
        return (scheduled, ev, hearing);
    }

    public static (CourtCase Case, CaseEvent Event, Hearing Hearing) Postpone(CourtCase c, Actor judge, DateTimeOffset now,
        string hearingId, string newHearingId, string documentId, DateTimeOffset startsAt, IReadOnlyList<string> reasons)
    {
        CaseTransitions.Target(c.Status, HearingActions.PostponeHearing);
        var (summary, hearing) = Open(c, hearingId);
        if (summary.Hearings.Count >= MaxHearings)
            throw new DomainRuleException("too-many-hearings", $"A case has at most {MaxHearings} hearings.");
        var plan = new HearingPlan(startsAt, hearing.Courtroom, hearing.Online, hearing.Public, hearing.Streamed);
        Check(c, plan, now);
        var moved = New(c, judge, now, newHearingId, documentId, plan) with { AdjournedFrom = hearingId, Reasons = reasons };
        var adjourned = hearing with { State = HearingState.Adjourned, AdjournedTo = newHearingId, Reasons = reasons };
        var (postponed, ev) = c.Transition(HearingActions.PostponeHearing, judge, now,
            $"Hearing {hearingId} postponed to {Describe(plan)} as hearing {newHearingId}: {string.Join("; ", reasons)}; the new summons "
            + "is served on every party",
            x => x.WithHearings(new HearingSummary([.. summary.Replacing(adjourned).Hearings, moved])));
        return (postponed, ev, moved);
    }

    public static (CourtCase Case, CaseEvent Event, Hearing Hearing) Cancel(CourtCase c, Actor judge, DateTimeOffset now,
        string hearingId, string documentId, IReadOnlyList<string> reasons)
    {
        CaseTransitions.Target(c.Status, HearingActions.CancelHearing);
        var (summary, hearing) = Open(c, hearingId);
        var notice = new HearingNotice(documentId, ServedDocumentKind.HearingCancellation, now, null,
            c.Parties.Select(p => p.PartyNumber).ToList(), []);
        var cancelled = hearing with { State = HearingState.Cancelled, Reasons = reasons, Notices = [.. hearing.Notices, notice] };
        var (changed, ev) = c.Transition(HearingActions.CancelHearing, judge, now,
            $"Hearing {hearingId} of {Describe(hearing)} cancelled: {string.Join("; ", reasons)}; the notice is served on every party",
            x => x.WithHearings(summary.Replacing(cancelled)));
        return (changed, ev, cancelled);
    }

    /// <summary>The notice's service started on every recipient.</summary>
    public static (CourtCase Case, CaseEvent Event)? NoticeSent(CourtCase c, string documentId, DateTimeOffset now)
    {
        if (Locate(c, documentId) is not var (summary, hearing, notice) || notice.SentAt is not null) return null;
        var sent = hearing with
        {
            Notices = hearing.Notices.Select(n => n.DocumentId == documentId ? n with { SentAt = now } : n).ToList(),
        };
        return c.Record(HearingActions.SendHearingNotice, Actor.System, now,
            $"The {Title(notice.Kind)} of hearing {hearing.HearingId} was sent for service on parties "
            + string.Join(", ", notice.Recipients),
            x => x.WithHearings(summary.Replacing(sent)));
    }

    /// <summary>The notice was served on a party.</summary>
    public static (CourtCase Case, CaseEvent Event)? NoticeServed(CourtCase c, string documentId, int partyNumber, DateTimeOffset servedAt)
    {
        if (Locate(c, documentId) is not var (summary, hearing, notice) || notice.Served.Any(s => s.PartyNumber == partyNumber))
            return null;
        var served = notice with { Served = [.. notice.Served, new NoticeServedOn(partyNumber, servedAt)] };
        var updated = hearing with { Notices = hearing.Notices.Select(n => n.DocumentId == documentId ? served : n).ToList() };
        return c.Record(HearingActions.HearingNoticeServed, Actor.System, servedAt,
            $"The {Title(notice.Kind)} of hearing {hearing.HearingId} was served on party {partyNumber} on "
            + $"{ChinaTime.ToChinaTime(servedAt):yyyy-MM-dd HH:mm}",
            x => x.WithHearings(summary.Replacing(updated)));
    }

    /// <summary>
    /// In ordinary procedure, a summons not served on every party by the end of the 4th day before the hearing (3 whole days before it)
    /// is flagged to the judge once: the hearing would be held without the notice CPL art. 139 requires. Nothing once served, held or
    /// moved.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event)? FlagServiceLate(CourtCase c, DateTimeOffset now)
    {
        if (c.Hearings is not { } summary || c.Status.IsFinal()) return null;
        var late = summary.Hearings.FirstOrDefault(h => SummonsServiceOutstanding(c, h)
            && now >= ChinaTime.EndOfDay(LastServiceDay(h.StartsAt)));
        if (late is null) return null;
        var missing = late.Summons!.Recipients.Where(p => late.Summons.Served.All(s => s.PartyNumber != p)).ToList();
        return c.Record(HearingActions.FlagSummonsServiceLate, Actor.System, now,
            $"The summons to hearing {late.HearingId} on {ChinaTime.ToChinaTime(late.StartsAt):yyyy-MM-dd HH:mm} was not served on "
            + $"part{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing)} 3 days before it ({NoticeBasis}): the judge decides "
            + "whether to postpone it",
            x => x.WithHearings(summary.Replacing(late with { ServiceLateFlaggedAt = now })));
    }

    /// <summary>A scheduled hearing in ordinary procedure whose summons is not yet served on everyone, and not yet flagged.</summary>
    public static bool SummonsServiceOutstanding(CourtCase c, Hearing h) => c.Procedure == Procedure.Ordinary
        && h.State == HearingState.Scheduled && h.ServiceLateFlaggedAt is null && h.Summons is { ServedOnEveryone: false };

    public static string Title(ServedDocumentKind kind) =>
        kind == ServedDocumentKind.Summons ? "summons" : "notice of cancellation";

    private static Hearing New(CourtCase c, Actor actor, DateTimeOffset now, string hearingId, string documentId, HearingPlan plan) =>
        new(hearingId, plan.StartsAt, plan.Online ? null : plan.Courtroom?.Trim(), plan.Online, plan.Public, plan.Streamed,
            HearingState.Scheduled, now, actor.UserId,
            [new HearingNotice(documentId, ServedDocumentKind.Summons, now, null, c.Parties.Select(p => p.PartyNumber).ToList(), [])]);

    /// <summary>The hearing named, which must still be as summoned.</summary>
    public static (HearingSummary Summary, Hearing Hearing) Open(CourtCase c, string hearingId)
    {
        var summary = c.Hearings ?? HearingSummary.Empty;
        var hearing = summary.Find(hearingId)
            ?? throw new InvalidOperationException($"Case {c.CaseId} has no hearing {hearingId}: the caller checks the id first.");
        if (hearing.State != HearingState.Scheduled)
            throw new DomainRuleException("hearing-not-scheduled",
                $"Hearing {hearingId} is {hearing.State.WireName()}: only a hearing as summoned is postponed, cancelled or recorded.");
        return (summary, hearing);
    }

    private static (HearingSummary Summary, Hearing Hearing, HearingNotice Notice)? Locate(CourtCase c, string documentId)
    {
        if (c.Hearings is not { } summary) return null;
        foreach (var h in summary.Hearings)
            if (h.Notices.FirstOrDefault(n => n.DocumentId == documentId) is { } n) return (summary, h, n);
        return null;
    }

    private static string Describe(HearingPlan p) => Describe(p.StartsAt, p.Courtroom, p.Online);

    private static string Describe(Hearing h) => Describe(h.StartsAt, h.Courtroom, h.Online);

    private static string Describe(DateTimeOffset startsAt, string? courtroom, bool online) =>
        $"{ChinaTime.ToChinaTime(startsAt):yyyy-MM-dd HH:mm} court time, {(online ? "online" : "in " + courtroom)}";
}
