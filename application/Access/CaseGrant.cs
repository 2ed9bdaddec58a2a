using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Application.Access;

/// <summary>
/// A caller the access table let through to a case: the caller, the case as read for the decision (the use case decides
/// on it and commits against its ETag), the whole file where the route reads it, and the caller's relationships to it.
/// </summary>
public sealed record CaseGrant(CourtUser Caller, StoredCase Stored, CaseFile? File, IReadOnlySet<CaseRelation> Relations)
{
    public CourtCase Case => Stored.Case;

    public string CaseId => Stored.Case.CaseId;

    /// <summary>The parties the caller is or acts for.</summary>
    public IReadOnlySet<int> Parties => CaseRelations.PartiesOf(Caller, Case);

    public CaseSide? Side => CaseRelations.SideOf(Relations);

    /// <summary>Works on the case for the court: its team (<see cref="CaseRelations.CaseTeam"/>) or a filing clerk serving it.</summary>
    public bool IsCourtStaff => Relations.Overlaps(CaseRelations.CaseTeam) || Relations.Contains(CaseRelation.FilingClerk);

    /// <summary>The file, read by the route's row (<see cref="RouteAccess.LoadsFile"/>).</summary>
    public CaseFile RequireFile() => File
        ?? throw new InvalidOperationException($"The route's access row does not load the file of case {CaseId}.");
}
