using System.Globalization;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>A party on whom the notice of the burden and period of proof was served, and when.</summary>
public sealed record NoticeServedOn(int PartyNumber, DateTimeOffset ServedAt);

/// <summary>
/// The period of proof (举证期限) as the judge set it: the deadline kept (counted from the day it was set, CPL art. 85, and
/// moved by extensions and by a late service in ordinary procedure), the day the judge named, who set it and when, the notice
/// of the burden and period of proof (its sending for service, and on whom it was served), when the end was recorded, and the
/// days extensions added. Evidence submitted after the end is late (CPL Interpretation arts. 101–102).
/// </summary>
public sealed record EvidencePeriod(Deadline Deadline, DateOnly EndsOnAsSet, DateTimeOffset SetAt, string SetBy,
    DateTimeOffset? NoticeSentAt, IReadOnlyList<NoticeServedOn> NoticeServed, DateTimeOffset? EndedAt, int ExtendedDays)
{
    public bool Ended => EndedAt is not null;
}

/// <summary>How long a period of proof may be in a procedure: at least and at most so many days, and on what basis.</summary>
public sealed record EvidencePeriodBounds(int MinDays, int MaxDays, string Basis)
{
    public bool Allows(int days) => days >= MinDays && days <= MaxDays;
}

/// <summary>
/// The period of proof: the judge sets it within its procedure's bounds (ordinary at least 15 days, CPL Interpretation art. 99 and
/// Evidence Provisions art. 51; simplified at most 15, art. 266; small claims at most 7, art. 275), counted as every period is
/// (CPL art. 85: the day it is set is not counted, and an end on a non-working day of the court calendar moves to the next
/// working day). It is counted from the day it is set because the notice that tells the parties of it is served that day at the
/// earliest; in ordinary procedure a party served later still has its 15 days from the day after its service. A party applies
/// for an extension before the end, and an extension granted applies to every party (art. 100).
/// </summary>
public sealed class EvidencePeriods(DeadlineCalculator deadlines)
{
    /// <summary>Ordinary procedure: at least 15 days (CPL Interpretation art. 99; SPC Evidence Provisions art. 51).</summary>
    public const int OrdinaryMinimumDays = 15;

    /// <summary>Simplified procedure: at most 15 days (CPL Interpretation art. 266).</summary>
    public const int SimplifiedMaximumDays = 15;

    /// <summary>Small claims: usually at most 7 days (CPL Interpretation art. 275).</summary>
    public const int SmallClaimsMaximumDays = 7;

    public const string Basis = "SPC Evidence Provisions art. 51; CPL Interpretation arts. 99, 266, 275; counted per CPL art. 85";

    public DeadlineCalculator Deadlines => deadlines;

    public static EvidencePeriodBounds BoundsOf(Procedure procedure) => procedure switch
    {
        Procedure.Ordinary => new(OrdinaryMinimumDays, DeadlineCalculator.MaxPeriod,
            "CPL Interpretation art. 99; SPC Evidence Provisions art. 51: in ordinary procedure the period of proof is at least 15 days"),
        Procedure.Simplified => new(1, SimplifiedMaximumDays,
            "CPL Interpretation art. 266: in simplified procedure the period of proof is at most 15 days"),
        Procedure.SmallClaims => new(1, SmallClaimsMaximumDays,
            "CPL Interpretation art. 275: in a small-claims case the period of proof is at most 7 days"),
        _ => throw new ArgumentOutOfRangeException(nameof(procedure)),
    };

    /// <summary>
    /// The judge sets the period to end on <paramref name="endsOn"/>: refused outside the procedure's bounds, counted in days from
    /// the day it is set; once set it moves only by extensions.
    /// </summary>
    public (CourtCase Case, CaseEvent Event) Set(CourtCase c, Actor judge, DateTimeOffset now, DateOnly endsOn)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.SetEvidencePeriod);
        var summary = c.Evidence ?? EvidenceSummary.Empty;
        if (summary.Period is { } set)
            throw new DomainRuleException("evidence-period-already-set",
                $"The period of proof was set on {Day(ChinaTime.DateOf(set.SetAt))} and ends on {Day(set.Deadline.LastDay)}; it is "
                + "lengthened only by an extension (CPL Interpretation art. 100).", "endsOn");
        var today = ChinaTime.DateOf(now);
        var days = endsOn.DayNumber - today.DayNumber;
        if (days < 1 || days > DeadlineCalculator.MaxPeriod)
            throw new DomainRuleException("period-out-of-range",
                $"The period of proof ends after the day it is set ({Day(today)}) and within {DeadlineCalculator.MaxPeriod} days.",
                "endsOn");
        var bounds = BoundsOf(c.Procedure);
        if (!bounds.Allows(days))
        {
            var detail = $"{bounds.Basis}; ending on {Day(endsOn)} it would be {days} days counted from the day after {Day(today)} "
                + "(CPL art. 85).";
            throw c.Procedure switch
            {
                Procedure.Ordinary => new DomainRuleException("evidence-period-ordinary-minimum", detail, "endsOn"),
                Procedure.Simplified => new DomainRuleException("evidence-period-simplified-maximum", detail, "endsOn"),
                _ => new DomainRuleException("evidence-period-small-claims-maximum", detail, "endsOn"),
            };
        }
        var deadline = deadlines.Compute(today, days, PeriodUnit.Days);
        var moved = deadline.LastDay != endsOn ? $" ({Day(endsOn)} is not a working day of the court calendar: CPL art. 85)" : "";
        var period = new EvidencePeriod(deadline, endsOn, now, judge.UserId, null, [], null, 0);
        return c.Transition(EvidenceActions.SetEvidencePeriod, judge, now,
            $"Period of proof set: {days} days, ending at the end of {Day(deadline.LastDay)}{moved}; the notice of the burden and period "
            + "of proof is served on every party (SPC Evidence Provisions art. 50)",
            x => x.WithEvidence(summary with { Period = period }));
    }

    /// <summary>The notice was sent for service on these parties.</summary>
    public static (CourtCase Case, CaseEvent Event)? NoticeSent(CourtCase c, DateTimeOffset now, IReadOnlyList<int> parties)
    {
        if (c.Evidence is not { Period: { NoticeSentAt: null } period } summary) return null;
        return c.Record(EvidenceActions.SendEvidenceNotice, Actor.System, now,
            $"The notice of the burden and period of proof was sent for service on part{(parties.Count == 1 ? "y" : "ies")} "
            + $"{string.Join(", ", parties)} (SPC Evidence Provisions art. 50)",
            x => x.WithEvidence(summary with { Period = period with { NoticeSentAt = now } }));
    }

    /// <summary>
    /// The notice was served on a party. In ordinary procedure the period is at least 15 days from the day after the party's service:
    /// where the period as it stands would be shorter for this party, it ends later, for every party (CPL Interpretation arts. 99–100).
    /// </summary>
    public (CourtCase Case, CaseEvent Event)? NoticeServed(CourtCase c, int partyNumber, DateTimeOffset servedAt)
    {
        if (c.Evidence is not { Period: { } period } summary || period.NoticeServed.Any(s => s.PartyNumber == partyNumber)) return null;
        var served = period with { NoticeServed = [.. period.NoticeServed, new NoticeServedOn(partyNumber, servedAt)] };
        var reason = $"The notice of the burden and period of proof was served on party {partyNumber} on {Day(ChinaTime.DateOf(servedAt))}";
        if (c.Procedure == Procedure.Ordinary && !period.Ended)
        {
            var floor = deadlines.Compute(ChinaTime.DateOf(servedAt), OrdinaryMinimumDays, PeriodUnit.Days);
            if (floor.LastDay > period.Deadline.LastDay)
            {
                served = served with { Deadline = floor };
                reason += $"; the period of proof now ends at the end of {Day(floor.LastDay)} for every party: at least 15 days from "
                    + "the day "
                    + "after service in ordinary procedure (CPL Interpretation art. 99)";
            }
        }
        return c.Record(EvidenceActions.EvidenceNoticeServed, Actor.System, servedAt, reason,
            x => x.WithEvidence(summary with { Period = served }));
    }

    /// <summary>The period's end has come (as of court time): recorded once; evidence submitted from now on is late.</summary>
    public static (CourtCase Case, CaseEvent Event)? End(CourtCase c, DateTimeOffset now)
    {
        if (c.Status.IsFinal() || c.Evidence is not { Period: { EndedAt: null } period } summary || now < period.Deadline.EndsAt)
            return null;
        return c.Record(EvidenceActions.EndEvidencePeriod, Actor.System, now,
            $"The period of proof ended at the end of {Day(period.Deadline.LastDay)}: evidence submitted after it is late "
            + "(CPL Interpretation arts. 101–102)",
            x => x.WithEvidence(summary with { Period = period with { EndedAt = now } }));
    }

    /// <summary>A party applies for an extension: only before the period ends (CPL Interpretation art. 100).</summary>
    public static EvidencePeriod CheckExtensionApplication(CourtCase c, DateTimeOffset now)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.ApplyForEvidencePeriodExtension);
        if (c.Evidence?.Period is not { } period)
            throw new DomainRuleException("evidence-period-not-set",
                "The judge has not set the period of proof: there is nothing to extend.");
        if (period.Ended || now >= period.Deadline.EndsAt)
            throw new DomainRuleException("evidence-period-extension-too-late",
                $"An extension is applied for before the period of proof ends (CPL Interpretation art. 100); it ended at the end of "
                + $"{Day(period.Deadline.LastDay)}.");
        return period;
    }

    /// <summary>
    /// An extension granted: the period runs <paramref name="days"/> more days from its last day (CPL art. 85) for every party, and
    /// one whose end was recorded runs again (CPL Interpretation art. 100).
    /// </summary>
    public EvidencePeriod Extend(EvidencePeriod period, int days)
    {
        var deadline = deadlines.Compute(period.Deadline.LastDay, days, PeriodUnit.Days);
        return period with { Deadline = deadline, EndedAt = null, ExtendedDays = period.ExtendedDays + days };
    }

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
