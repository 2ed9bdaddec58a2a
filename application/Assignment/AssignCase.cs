using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>
/// A division head of the case's division, or the president, assigns a case by hand or reassigns it, with a reason (an
/// event on the case). The judge and clerk must be active members of the division that hears it. Their case lists then
/// name the case.
/// </summary>
public sealed class AssignCase(CaseChanges changes, IStaffRegistry registry, IUserCases userCases, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, AssignmentRequest r, string? ifMatch, CancellationToken ct)
    {
        CaseAccess.CheckIfMatch(ifMatch, grant.Stored);
        var court = grant.Case.Court;
        var judge = await registry.FindAsync(court, r.Judge!, ct);
        var clerk = await registry.FindAsync(court, r.Clerk!, ct);
        var v = new Validation();
        v.Check(judge is not null, "judge", "A member of this court's staff registry.");
        v.Check(clerk is not null, "clerk", "A member of this court's staff registry.");
        v.ThrowIfAny();
        // The president assigns in any division; a division head only in the division that hears the case.
        var asPresident = grant.Caller.IsInRole(Roles.President) && !grant.Relations.Contains(CaseRelation.DivisionHead);
        if (!asPresident && grant.Caller.Division != CaseDivision.Hears(grant.Case))
            throw new ForbiddenException("Only the head of the division that hears the case, or the president, assigns it.");
        var by = CaseAccess.ActorFor(grant.Caller, asPresident ? Roles.President : Roles.DivisionHead);
        var now = clock.GetUtcNow();
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(CaseAssignments.ByHand(c, judge!, clerk!, r.Reason!.Trim(),
            by, now)), ct, grant.Stored, ifMatch);
        var assigned = saved.Case.Assignment!;
        await userCases.AddUserCaseAsync(assigned.Judge!, grant.CaseId, now, ct);
        await userCases.AddUserCaseAsync(assigned.Clerk!, grant.CaseId, now, ct);
        await signals.CaseChangedAsync(saved.Case, "CaseAssigned", ct);
        return saved;
    }
}
