using ECourt.Domain.Cases;

namespace ECourt.Domain.Assignment;

/// <summary>
/// Which division hears a case. ECourt files first-instance civil cases only, and a court's civil division hears them all;
/// a court that sends contract disputes to a commercial division will name its rule here when its case types arrive. The
/// enforcement division runs enforcement cases.
/// </summary>
public static class CaseDivision
{
    public static Division Hears(CourtCase c) => c.CaseType == FeeCaseType.Enforcement ? Division.Enforcement : Division.Civil;

    /// <summary>The role that works a case of the division: an enforcement officer for an enforcement case, else a judge and a
    /// clerk.</summary>
    public static bool IsEnforcement(CourtCase c) => c.CaseType == FeeCaseType.Enforcement;
}
