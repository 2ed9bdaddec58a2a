using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Supervision of enforcement (SPC Opinions on Strengthening Enforcement Supervision): a case where the officer has not acted for
/// the court's number of working days is flagged for the division head; a case open past its time limit (6 months, 9 with the
/// president's extension) is flagged too. Both flags show in the case view and the command centre; the officer's next act clears the
/// first.
/// </summary>
public static class EnforcementSupervision
{
    public const string Source = "SPC Several Provisions on Enforcement Time Limits (2006) arts. 1, 11";

    /// <summary>The president extends the time limit by 3 months (6 → 9 months from filing), once.</summary>
    public static (CourtCase Case, CaseEvent Event) Extend(CourtCase c, Actor president, string reason, DateTimeOffset at,
        DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        if (e.LimitExtendedBy is not null)
            throw new DomainRuleException("limit-already-extended",
                $"The time limit was extended once already ({EnforcementTimeLimits.LimitSource}).");
        var limit = EnforcementTimeLimits.Limit(deadlines, ChinaTime.DateOf(e.FiledAt), extended: true).LastDay;
        return EnforcementMeasures.Result(c, president, at, $"Time limit extended by the president to {limit:yyyy-MM-dd}: {reason}",
            x => x with { LimitLastDay = limit, LimitExtendedBy = president.UserId, LimitExceededAt = null });
    }

    public static (CourtCase Case, CaseEvent Event)? Keep(CourtCase c, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e || c.Status != CaseStatus.Enforcing) return null;
        var today = ChinaTime.DateOf(at);
        var idle = e.SupervisedSince is null && e.SuperviseFrom < today;
        var overLimit = e.LimitExceededAt is null && e.LimitLastDay < today;
        if (!idle && !overLimit) return null;
        var reason = string.Join("; ", new[]
        {
            idle ? $"no act since {ChinaTime.DateOf(e.LastActionAt):yyyy-MM-dd}: flagged for the division head" : null,
            overLimit ? $"open past its time limit of {e.LimitLastDay:yyyy-MM-dd} ({EnforcementTimeLimits.LimitSource})" : null,
        }.OfType<string>());
        return EnforcementMeasures.Result(c, Actor.System, at, reason, x => x with
        {
            SupervisedSince = idle ? at : x.SupervisedSince,
            LimitExceededAt = overLimit ? at : x.LimitExceededAt,
        });
    }
}
