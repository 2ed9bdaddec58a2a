using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>
/// Keeps the "assignment" deadline: an accepted case without a judge is assigned by the court's rule (<see cref="AssignmentRule"/>)
/// to a judge and a clerk of the division that hears it (an enforcement case to an officer of the enforcement division), each drawn among
/// the eligible members weighted by the cases they
/// hold; with no eligible member the case waits, flagged, and is tried again a day later. The judge's and the clerk's case
/// lists then name the case ("my cases"); a retry after a crash finishes that.
/// </summary>
public sealed class AssignByRule(CaseChanges changes, ICaseStore store, IStaffRegistry registry, IUserCases userCases,
    IAssignmentDraw draw, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [AssignmentModule.AssignmentDue];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        var c = stored.Case;
        if (!CaseAssignments.IsDue(c))
        {
            if (c.Assignment is { IsAssigned: true } done) await ListAsync(caseId, done, ct);
            return;
        }
        var staff = await registry.ListAsync(c.Court, ct);
        var division = CaseDivision.Hears(c);
        var now = clock.GetUtcNow();
        if (CaseDivision.IsEnforcement(c))
        {
            var officer = await DrawAsync(AssignmentRule.Eligible(staff, c.Court, division, Roles.EnforcementOfficer), ct);
            var done = await changes.ApplyAsync(caseId, x => CaseChange.Of(officer is null
                ? CaseAssignments.Wait(x, "enforcement officer", now)
                : CaseAssignments.ToOfficer(x, officer, now)), ct, stored);
            if (done.Case.Assignment is { IsAssigned: true } assignedOfficer) await ListAsync(caseId, assignedOfficer, ct);
            return;
        }
        var judge = await DrawAsync(AssignmentRule.Eligible(staff, c.Court, division, Roles.Judge), ct);
        var clerk = await DrawAsync(AssignmentRule.Eligible(staff, c.Court, division, Roles.Clerk), ct);
        var saved = await changes.ApplyAsync(caseId, x => judge is null || clerk is null
            ? CaseChange.Of(CaseAssignments.Wait(x, judge is null ? "judge" : "clerk", now))
            : CaseChange.Of(CaseAssignments.ByRule(x, judge, clerk, now)), ct, stored);
        if (saved.Case.Assignment is { IsAssigned: true } assigned) await ListAsync(caseId, assigned, ct);
    }

    private async Task<StaffMember?> DrawAsync(IReadOnlyList<StaffMember> eligible, CancellationToken ct)
    {
        if (eligible.Count == 0) return null;
        var candidates = new List<AssignmentRule.Candidate>();
        foreach (var member in eligible)
            candidates.Add(new AssignmentRule.Candidate(member, await userCases.CountUserCasesAsync(member.UserId, ct)));
        return AssignmentRule.Choose(candidates, draw.Next());
    }

    private async Task ListAsync(string caseId, CaseAssignment assigned, CancellationToken ct)
    {
        foreach (var member in new[] { assigned.Judge, assigned.Clerk, assigned.Officer }.OfType<string>())
            await userCases.AddUserCaseAsync(member, caseId, assigned.AssignedAt!.Value, ct);
    }
}
