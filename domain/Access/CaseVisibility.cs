using ECourt.Domain.Cases;

namespace ECourt.Domain.Access;

/// <summary>
/// Who knows a case exists (everyone else is answered as if it did not: 404): its filing side always; the other side once
/// the case is registered (a draft or a filing under review is the plaintiff's alone); the case staff (assigned or not),
/// finance staff and administrators of its court. Which of them may do what is the access table's; this only decides 404 against 403.
/// </summary>
public static class CaseVisibility
{
    public static bool CanSee(IReadOnlySet<CaseRelation> relations, CourtCase c) =>
        relations.Overlaps(CaseRelations.FilingSide)
        || (relations.Overlaps(CaseRelations.OtherSide) && c.CaseNumber is not null)
        || relations.Overlaps(CaseRelations.CaseTeam) || relations.Contains(CaseRelation.FilingClerk)
        || relations.Contains(CaseRelation.UnassignedStaff) || relations.Contains(CaseRelation.Finance)
        || relations.Contains(CaseRelation.CourtAdmin);

    public static bool CanSee(CourtUser caller, CourtCase c) => CanSee(CaseRelations.Of(caller, c), c);
}
