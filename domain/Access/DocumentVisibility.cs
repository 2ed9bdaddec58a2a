using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Domain.Access;

/// <summary>
/// Which documents of a case each relationship sees. The court's case staff see every document. A party side sees what
/// its own side filed, and what the court serves on its parties (the complaint copy served on a defendant, the fee notice
/// on the plaintiff); a party's private documents (identity documents, powers of attorney, fee-aid applications) never
/// reach the other side, even served. Finance staff, administrators and everyone else see none.
/// </summary>
public static class DocumentVisibility
{
    /// <summary>Kinds only the side that filed them (and the court) ever sees.</summary>
    public static readonly IReadOnlySet<DocumentKind> Private = new HashSet<DocumentKind>
    {
        DocumentKind.Identity, DocumentKind.PowerOfAttorney, DocumentKind.FeeAidApplication,
    };

    /// <param name="servedOnParties">party numbers the document is served on (its service records)</param>
    public static bool CanSee(IReadOnlySet<CaseRelation> relations, IReadOnlySet<int> callerParties, CourtCase c, CaseDocument d,
        IEnumerable<int> servedOnParties)
    {
        if (relations.Overlaps(CaseRelations.CaseTeam) || relations.Contains(CaseRelation.FilingClerk)) return true;
        if (CaseRelations.SideOf(relations) is not { } side || side == CaseSide.Court) return false;
        var filedBy = CaseRelations.SideOfUser(d.UploadedBy, c);
        if (filedBy == side) return true;
        if (Private.Contains(d.Kind)) return false;
        return servedOnParties.Any(callerParties.Contains);
    }
}
