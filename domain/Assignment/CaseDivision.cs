using ECourt.Domain.Cases;

namespace ECourt.Domain.Assignment;

/// <summary>
/// Which division hears a case. ECourt files first-instance civil cases only, and a court's civil division hears them all;
/// a court that sends contract disputes to a commercial division will name its rule here when its case types arrive.
/// </summary>
public static class CaseDivision
{
    public static Division Hears(CourtCase c) => Division.Civil;
}
