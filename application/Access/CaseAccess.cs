using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Application.Access;

/// <summary>The caller may see the thing but not do this (403).</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>
/// Decides a case route's access by its row of the access table, from the caller's relationships to the case: a case the
/// caller may not see is answered exactly like one that does not exist (404, and a malformed id too), so ids cannot be
/// probed; one it sees but may not act on is 403. Nothing of the request beyond the caller and the case id is looked at.
/// </summary>
public sealed class CaseAccess(ICaseStore store)
{
    public async Task<CaseGrant> AuthorizeAsync(RouteAccess route, string caseId, CourtUser caller, CancellationToken ct)
    {
        if (route.Scope is not (RouteScope.Case or RouteScope.CaseOf))
            throw new InvalidOperationException($"{route.Function} is not a route on a case.");
        if (!CaseId.IsValid(caseId)) throw new NotFoundException("such case");
        CaseFile? file = null;
        StoredCase? stored;
        if (route.LoadsFile)
        {
            file = await store.GetFileAsync(caseId, ct);
            stored = file is null ? null : new StoredCase(file.Case, file.ETag);
        }
        else stored = await store.GetAsync(caseId, ct);
        if (stored is null) throw new NotFoundException("such case");
        var relations = CaseRelations.Of(caller, stored.Case);
        if (!CaseVisibility.CanSee(relations, stored.Case)) throw new NotFoundException("such case");
        if (!route.Allows(relations, caller)) throw new ForbiddenException("Your relationship to this case does not allow this.");
        return new CaseGrant(caller, stored, file, relations);
    }

    /// <summary>Whether the caller may see the case (false for a malformed or unknown id).</summary>
    public async Task<bool> CanSeeAsync(string caseId, CourtUser caller, CancellationToken ct) =>
        CaseId.IsValid(caseId) && await store.GetAsync(caseId, ct) is { } stored && CaseVisibility.CanSee(caller, stored.Case);

    /// <summary>A caller's If-Match must name the version stored now (<see cref="CaseVersionTag"/>).</summary>
    public static void CheckIfMatch(string? ifMatch, StoredCase stored)
    {
        if (!CaseVersionTag.Matches(ifMatch, stored.Case.Version)) throw new StaleCaseException(stored.Case.CaseId);
    }

    public static Actor ActorFor(CourtUser caller, string role) => new(caller.Id, role);

    /// <summary>The role a party-side caller acts in.</summary>
    public static Actor PartyActor(CourtUser caller) => new(caller.Id,
        caller.IsInRole(Roles.Lawyer) ? Roles.Lawyer
            : caller.IsInRole(Roles.Party) ? Roles.Party
            : caller.Roles.FirstOrDefault() ?? "unknown");
}
