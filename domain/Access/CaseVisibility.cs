using ECourt.Domain.Cases;

namespace ECourt.Domain.Access;

/// <summary>
/// Who may see a case: its parties, those who act for them, and the court's own case staff. Until
/// cases are assigned to judges (with hearings), every case-working staff member of the case's
/// court sees it; finance staff see its ledger.
/// </summary>
public static class CaseVisibility
{
    public static bool CanSee(CourtUser user, CourtCase @case) =>
        @case.IsPartyOrRepresentative(user.Id)
        || (string.Equals(user.Court, @case.Court, StringComparison.Ordinal) && Roles.CaseStaff.Overlaps(user.Roles));
}
