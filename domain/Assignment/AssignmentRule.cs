namespace ECourt.Domain.Assignment;

/// <summary>
/// The court's rule of assignment (分案): a case goes to one of the eligible members of the division that hears it, drawn at
/// random with a weight that falls with the cases they already hold (1 ÷ (1 + open cases)), so that a judge with no case is
/// twice as likely to be drawn as one with one. Eligible: active, of the division, holding the role. A member who must
/// withdraw from the case (recusal) is left out by the caller, when recusal exists.
/// </summary>
public static class AssignmentRule
{
    /// <summary>A member who may be drawn, with the open cases they hold.</summary>
    public sealed record Candidate(StaffMember Member, int OpenCases);

    public static IReadOnlyList<StaffMember> Eligible(IEnumerable<StaffMember> staff, string court, Division division, string role) =>
        staff.Where(s => string.Equals(s.Court, court, StringComparison.Ordinal) && s.Division == division && s.Holds(role))
            .OrderBy(s => s.UserId, StringComparer.Ordinal).ToList();

    public static decimal Weight(int openCases) => 1m / (1 + Math.Max(0, openCases));

    /// <summary>
    /// The member the draw picks: <paramref name="draw"/> in [0, 1) falls into one candidate's share of the summed weights,
    /// the candidates taken in the order given (by user id: the same draw always picks the same member). Null with none.
    /// </summary>
    public static StaffMember? Choose(IReadOnlyList<Candidate> candidates, decimal draw)
    {
        if (candidates.Count == 0) return null;
        if (draw is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(draw), draw, "A draw is in [0, 1).");
        var total = candidates.Sum(c => Weight(c.OpenCases));
        var point = draw * total;
        foreach (var c in candidates)
        {
            point -= Weight(c.OpenCases);
            if (point < 0) return c.Member;
        }
        return candidates[^1].Member;
    }
}
