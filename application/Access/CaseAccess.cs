using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Application.Access;

/// <summary>The caller may see the thing but not do this (403).</summary>
public sealed class ForbiddenException(string detail) : Exception(detail);

/// <summary>
/// Loads a case for a caller. A case the caller may not see is answered exactly like a case that does not exist (404),
/// so ids cannot be probed; a malformed id is not found either. The checks of who may act are here too.
/// </summary>
public sealed class CaseAccess(ICaseStore store)
{
    public async Task<StoredCase> LoadAsync(string caseId, CourtUser caller, CancellationToken ct)
    {
        if (!CaseId.IsValid(caseId)) throw new NotFoundException("such case");
        var stored = await store.GetAsync(caseId, ct);
        if (stored is null || !CaseVisibility.CanSee(caller, stored.Case)) throw new NotFoundException("such case");
        return stored;
    }

    /// <summary>Whether the caller may see the case (false for a malformed or unknown id).</summary>
    public async Task<bool> CanSeeAsync(string caseId, CourtUser caller, CancellationToken ct) =>
        CaseId.IsValid(caseId) && await store.GetAsync(caseId, ct) is { } stored && CaseVisibility.CanSee(caller, stored.Case);

    public async Task<CaseFile> LoadFileAsync(string caseId, CourtUser caller, CancellationToken ct)
    {
        if (!CaseId.IsValid(caseId)) throw new NotFoundException("such case");
        var file = await store.GetFileAsync(caseId, ct);
        if (file is null || !CaseVisibility.CanSee(caller, file.Case)) throw new NotFoundException("such case");
        return file;
    }

    /// <summary>The filer's own actions: the caller must be a party or act for one, in a party's role.</summary>
    public static void RequireParty(CourtUser caller, CourtCase c)
    {
        if (!caller.IsInAnyRole(Roles.Party, Roles.Lawyer) || !c.IsPartyOrRepresentative(caller.Id))
            throw new ForbiddenException("Only the parties and those who act for them may do this.");
    }

    /// <summary>Court staff actions: the caller must hold the role in the case's court.</summary>
    public static void RequireStaff(CourtUser caller, CourtCase c, string role)
    {
        if (!caller.IsStaffOf(c.Court, role)) throw new ForbiddenException($"Only a {role} of the case's court may do this.");
    }

    /// <summary>A caller's If-Match must name the version stored now.</summary>
    public static void CheckIfMatch(string? ifMatch, StoredCase stored)
    {
        if (ifMatch is not null && ifMatch != "*" && ifMatch != stored.ETag) throw new StaleCaseException(stored.Case.CaseId);
    }

    public static Actor ActorFor(CourtUser caller, string role) => new(caller.Id, role);

    /// <summary>The role a party-side caller acts in.</summary>
    public static Actor PartyActor(CourtUser caller) => new(caller.Id,
        caller.IsInRole(Roles.Lawyer) ? Roles.Lawyer
            : caller.IsInRole(Roles.Party) ? Roles.Party
            : caller.Roles.FirstOrDefault() ?? "unknown");
}
