namespace ECourt.Domain.Access;

/// <summary>The roles App Service Authentication passes in the principal's roles claims.</summary>
public static class Roles
{
    public const string Party = "party";
    public const string Lawyer = "lawyer";
    public const string Clerk = "clerk";
    public const string Judge = "judge";
    public const string Finance = "finance";
    public const string EnforcementOfficer = "enforcement-officer";
    public const string DivisionHead = "division-head";
    public const string President = "president";
    public const string HotlineAgent = "hotline-agent";
    public const string Admin = "admin";

    /// <summary>Roles scoped to one court.</summary>
    public static readonly IReadOnlySet<string> Staff = new HashSet<string>
    {
        Clerk, Judge, Finance, EnforcementOfficer, DivisionHead, President, HotlineAgent, Admin,
    };

    /// <summary>Staff whose work is cases: they see the cases of their court.</summary>
    public static readonly IReadOnlySet<string> CaseStaff = new HashSet<string>
    {
        Clerk, Judge, EnforcementOfficer, DivisionHead, President,
    };
}
