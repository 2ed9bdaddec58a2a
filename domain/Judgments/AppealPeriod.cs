using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Judgments;

/// <summary>
/// The appeal period (CPL art. 171): 15 days from service for a judgment, 10 for an appealable ruling (dismissing the suit, on an
/// objection to jurisdiction: CPL art. 157), each party's from its own service, counted by CPL art. 85 on the court calendar.
/// Small-claims cases are final at first instance (CPL art. 165), other rulings take effect on service, and a mediation statement
/// when every party has signed for it (CPL art. 100): none of those can be appealed. When every period has run out with no appeal,
/// the judgment takes effect the day after the last one ends.
/// </summary>
public static class AppealPeriod
{
    public const int JudgmentDays = 15;

    public const int RulingDays = 10;

    public const string Source = "CPL art. 171: 15 days from service of a judgment, 10 from service of a ruling, each party's from its own";

    /// <summary>The period in days, or null when the document cannot be appealed.</summary>
    public static int? Days(JudgmentKind kind, RulingGround? ground, Procedure procedure) =>
        procedure == Procedure.SmallClaims ? null : kind switch
        {
            JudgmentKind.Judgment => JudgmentDays,
            JudgmentKind.Ruling when ground is RulingGround.Dismissal or RulingGround.JurisdictionObjection => RulingDays,
            _ => null,
        };

    /// <summary>Why a document cannot be appealed: the rule that makes it final or effective on service.</summary>
    public static string FinalBasis(JudgmentKind kind, Procedure procedure) =>
        procedure == Procedure.SmallClaims ? "CPL art. 165: a small-claims case is final at first instance"
        : kind == JudgmentKind.Mediation ? "CPL art. 100: a mediation statement takes effect once every party has signed for it"
        : "CPL art. 157: a ruling other than on acceptance, jurisdiction or dismissal takes effect on service";

    /// <summary>The period that runs from a party's service on <paramref name="servedAt"/>; null when none runs.</summary>
    public static Deadline? From(CourtCase c, Judgment j, DateTimeOffset servedAt, DeadlineCalculator deadlines) =>
        Days(j.Kind, j.Ground, c.Procedure) is { } days ? deadlines.Compute(ChinaTime.DateOf(servedAt), days, PeriodUnit.Days) : null;

    /// <summary>The party's own period as counted (and told to it), once the judgment was served on it; null when none runs.</summary>
    public static Deadline? For(CourtCase c, Judgment j, int partyNumber) =>
        Days(j.Kind, j.Ground, c.Procedure) is { } days && j.ServiceOn(partyNumber) is { AppealBy: { } last } served
            ? new Deadline(ChinaTime.DateOf(served.ServedAt), days, PeriodUnit.Days, last, served.AppealByProvisional,
                DeadlineCalculator.Basis)
            : null;

    /// <summary>
    /// The day the judgment takes effect, once it is served on everyone: the last service day for what cannot be appealed, else the
    /// day after the last party's period ends. Null while a party is unserved.
    /// </summary>
    public static (DateOnly Day, DateTimeOffset At, bool Provisional)? EffectiveOn(CourtCase c, Judgment j)
    {
        if (!j.ServedOnEveryone || j.Recipients.Count == 0) return null;
        if (Days(j.Kind, j.Ground, c.Procedure) is null)
        {
            var last = j.Served.Max(s => s.ServedAt);
            return (ChinaTime.DateOf(last), last, false);
        }
        var periods = j.Recipients.Select(p => For(c, j, p)!).ToList();
        var end = periods.MaxBy(d => d.LastDay)!;
        return (end.LastDay.AddDays(1), end.EndsAt, periods.Any(d => d.Provisional));
    }
}
