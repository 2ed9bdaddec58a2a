using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Assignment;

/// <summary>
/// Assigning a case (分案) and reassigning it. Neither moves the case's status; each is an event with its reason, so the
/// file shows who worked on the case and since when.
/// </summary>
public static class CaseAssignments
{
    /// <summary>How long a case with no eligible judge or clerk waits before the rule is tried again (the division head may
    /// assign it by hand meanwhile).</summary>
    public static readonly TimeSpan WaitBeforeRetry = TimeSpan.FromDays(1);

    /// <summary>Cases are assigned once accepted, and stay assigned while they are open.</summary>
    public static bool IsDue(CourtCase c) => c.Status >= CaseStatus.Accepted && !c.Status.IsFinal()
        && c.Assignment is not { IsAssigned: true };

    /// <summary>The court's rule assigned the case to a judge and a clerk of its division.</summary>
    public static (CourtCase Case, CaseEvent Event)? ByRule(CourtCase c, StaffMember judge, StaffMember clerk, DateTimeOffset at)
    {
        if (!IsDue(c)) return null;
        var division = CaseDivision.Hears(c);
        return c.Record("CaseAssigned", Actor.System, at,
            $"Assigned by the court's rule (random among the {division.ToString().ToLowerInvariant()} division's judges, weighted by "
            + "their open cases): judge and clerk named in the assignment",
            x => x.With(new CaseAssignment(judge.UserId, clerk.UserId, division, at, Actor.System.UserId)));
    }

    /// <summary>The court's rule assigned an enforcement case to an enforcement officer of the enforcement division.</summary>
    public static (CourtCase Case, CaseEvent Event)? ToOfficer(CourtCase c, StaffMember officer, DateTimeOffset at)
    {
        if (!IsDue(c)) return null;
        return c.Record("CaseAssigned", Actor.System, at,
            "Assigned by the court's rule (random among the enforcement division's officers, weighted by their open cases)",
            x => x.With(new CaseAssignment(null, null, Division.Enforcement, at, Actor.System.UserId) { Officer = officer.UserId }));
    }

    /// <summary>No judge or clerk of the division is eligible: the case waits, flagged, and the rule is tried again later.</summary>
    public static (CourtCase Case, CaseEvent Event)? Wait(CourtCase c, string missing, DateTimeOffset at)
    {
        if (!IsDue(c) || c.Assignment?.RetryAt > at) return null;
        var division = CaseDivision.Hears(c);
        return c.Record("AssignmentWaiting", Actor.System, at,
            $"No active {missing} of the {division.ToString().ToLowerInvariant()} division in the staff registry: the division head "
            + $"assigns the case, or the rule is tried again on {ChinaTime.DateOf(at + WaitBeforeRetry):yyyy-MM-dd}",
            x => x.With(new CaseAssignment(null, null, division, null, null, c.Assignment?.WaitingSince ?? at, at + WaitBeforeRetry)));
    }

    /// <summary>
    /// A division head (of the case's division) or the president assigns or reassigns the case, with a reason; the judge and
    /// clerk must be active members of the division, holding those roles.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event) ByHand(CourtCase c, StaffMember judge, StaffMember clerk, string reason, Actor by,
        DateTimeOffset at)
    {
        if (c.Status < CaseStatus.Accepted || c.Status.IsFinal())
            throw new DomainRuleException("assignment-not-open",
                "A case is assigned once it is accepted and while it is open (SPC rules on case assignment).");
        var division = CaseDivision.Hears(c);
        if (judge.Division != division || !judge.Holds(Roles.Judge))
            throw new DomainRuleException("assignee-not-eligible",
                $"{judge.UserId} is not an active judge of the {division.ToString().ToLowerInvariant()} division, which hears this case.");
        if (clerk.Division != division || !clerk.Holds(Roles.Clerk))
            throw new DomainRuleException("assignee-not-eligible",
                $"{clerk.UserId} is not an active clerk of the {division.ToString().ToLowerInvariant()} division, which hears this case.");
        var previous = c.Assignment is { IsAssigned: true } a ? a : null;
        if (previous is not null && previous.Judge == judge.UserId && previous.Clerk == clerk.UserId)
            throw new DomainRuleException("already-assigned", "The case is already assigned to this judge and clerk.");
        var action = previous is null ? "CaseAssigned" : "CaseReassigned";
        return c.Record(action, by, at, reason,
            x => x.With(new CaseAssignment(judge.UserId, clerk.UserId, division, at, by.UserId)));
    }
}
