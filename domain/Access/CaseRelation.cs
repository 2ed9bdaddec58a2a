using System.Text.Json.Serialization;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Access;

/// <summary>
/// What a caller is to a case: the relationships the access table grants by. "Own side" is the side that filed (the
/// plaintiffs), "other side" the defendants and third parties; a party relationship counts only for a caller signed in
/// as a party or a lawyer, through an account linked to the party (its own, or a representative's).
/// </summary>
public enum CaseRelation
{
    /// <summary>Filed the case (a plaintiff, or one who acts for a plaintiff).</summary>
    [JsonStringEnumMemberName("filer")]
    Filer,
    /// <summary>A plaintiff, through its own linked account.</summary>
    [JsonStringEnumMemberName("own-side")]
    OwnSide,
    /// <summary>Acts for a plaintiff (its lawyer, agent, guardian or legal representative).</summary>
    [JsonStringEnumMemberName("own-representative")]
    OwnRepresentative,
    /// <summary>A defendant or third party, through its own linked account.</summary>
    [JsonStringEnumMemberName("other-side")]
    OtherSide,
    /// <summary>Acts for a defendant or third party.</summary>
    [JsonStringEnumMemberName("other-representative")]
    OtherRepresentative,
    /// <summary>Case staff (clerk, judge, division head, president, enforcement officer) of the case's court, while the case is not
    /// yet assigned (filing, fee): the filing stage's work is the court's.</summary>
    [JsonStringEnumMemberName("court-staff")]
    CourtStaff,
    /// <summary>The judge the case is assigned to.</summary>
    [JsonStringEnumMemberName("assigned-judge")]
    AssignedJudge,
    /// <summary>The clerk the case is assigned to.</summary>
    [JsonStringEnumMemberName("assigned-clerk")]
    AssignedClerk,
    /// <summary>The enforcement officer an enforcement case is assigned to.</summary>
    [JsonStringEnumMemberName("assigned-officer")]
    AssignedOfficer,
    /// <summary>The head of the division the case is assigned to.</summary>
    [JsonStringEnumMemberName("division-head")]
    DivisionHead,
    /// <summary>The president of the case's court.</summary>
    [JsonStringEnumMemberName("president")]
    President,
    /// <summary>A clerk of the court's filing division: the service tasks of an assigned case are still theirs.</summary>
    [JsonStringEnumMemberName("filing-clerk")]
    FilingClerk,
    /// <summary>Case staff of the case's court not on an assigned case: they know it exists, and see nothing of it.</summary>
    [JsonStringEnumMemberName("unassigned-staff")]
    UnassignedStaff,
    /// <summary>Finance staff of the case's court: its account, not its file.</summary>
    [JsonStringEnumMemberName("finance")]
    Finance,
    /// <summary>An administrator of the case's court: its lifecycle, not its file.</summary>
    [JsonStringEnumMemberName("court-admin")]
    CourtAdmin,
    /// <summary>Staff of another court.</summary>
    [JsonStringEnumMemberName("other-court-staff")]
    OtherCourtStaff,
    /// <summary>Signed in, and nothing to the case.</summary>
    [JsonStringEnumMemberName("unrelated")]
    Unrelated,
    /// <summary>Not signed in.</summary>
    [JsonStringEnumMemberName("anonymous")]
    Anonymous,
}

/// <summary>Which side of a case someone acts on, or the court.</summary>
public enum CaseSide
{
    /// <summary>The plaintiffs: the side that filed.</summary>
    Filing,
    /// <summary>The defendants and third parties.</summary>
    Other,
    /// <summary>The court (its staff, or the system).</summary>
    Court,
}

public static class CaseRelations
{
    public static readonly IReadOnlySet<CaseRelation> FilingSide = new HashSet<CaseRelation>
    {
        CaseRelation.Filer, CaseRelation.OwnSide, CaseRelation.OwnRepresentative,
    };

    public static readonly IReadOnlySet<CaseRelation> OtherSide = new HashSet<CaseRelation> { CaseRelation.OtherSide,
        CaseRelation.OtherRepresentative };

    public static readonly IReadOnlySet<CaseRelation> AnyParty = FilingSide.Concat(OtherSide).ToHashSet();

    /// <summary>Every relationship the caller has to the case (at least one).</summary>
    public static IReadOnlySet<CaseRelation> Of(CourtUser? caller, CourtCase c)
    {
        if (caller is null) return new HashSet<CaseRelation> { CaseRelation.Anonymous };
        var relations = new HashSet<CaseRelation>();
        if (caller.IsInAnyRole(Roles.Party, Roles.Lawyer))
        {
            if (string.Equals(c.FiledBy, caller.Id, StringComparison.Ordinal)) relations.Add(CaseRelation.Filer);
            foreach (var p in c.Parties)
            {
                var filing = p.Role == PartyRole.Plaintiff;
                if (p.UserId is { } own && string.Equals(own, caller.Id, StringComparison.Ordinal))
                    relations.Add(filing ? CaseRelation.OwnSide : CaseRelation.OtherSide);
                if (p.Representatives.Any(r => r.MayActFor(caller.Id)))
                    relations.Add(filing ? CaseRelation.OwnRepresentative : CaseRelation.OtherRepresentative);
            }
        }
        if (string.Equals(caller.Court, c.Court, StringComparison.Ordinal))
        {
            if (Roles.CaseStaff.Overlaps(caller.Roles)) relations.UnionWith(StaffRelations(caller, c));
            if (caller.IsInRole(Roles.Finance)) relations.Add(CaseRelation.Finance);
            if (caller.IsInRole(Roles.Admin)) relations.Add(CaseRelation.CourtAdmin);
        }
        else if (Roles.Staff.Overlaps(caller.Roles)) relations.Add(CaseRelation.OtherCourtStaff);
        if (relations.Count == 0) relations.Add(CaseRelation.Unrelated);
        return relations;
    }

    /// <summary>
    /// What case staff of the case's court are to it: before assignment, the court's (every case staff member); after, its
    /// assigned judge and clerk, the head of its division (by the staff registry's division) and the president; the filing
    /// division's clerks keep its service tasks; anyone else knows the case and sees nothing of it.
    /// </summary>
    private static HashSet<CaseRelation> StaffRelations(CourtUser caller, CourtCase c)
    {
        if (c.Assignment is not { IsAssigned: true } assigned) return [CaseRelation.CourtStaff];
        var relations = new HashSet<CaseRelation>();
        if (caller.IsInRole(Roles.Judge) && string.Equals(caller.Id, assigned.Judge, StringComparison.Ordinal))
            relations.Add(CaseRelation.AssignedJudge);
        if (caller.IsInRole(Roles.Clerk) && string.Equals(caller.Id, assigned.Clerk, StringComparison.Ordinal))
            relations.Add(CaseRelation.AssignedClerk);
        if (caller.IsInRole(Roles.EnforcementOfficer) && string.Equals(caller.Id, assigned.Officer, StringComparison.Ordinal))
            relations.Add(CaseRelation.AssignedOfficer);
        if (caller.IsInRole(Roles.DivisionHead) && caller.Division == assigned.Division) relations.Add(CaseRelation.DivisionHead);
        if (caller.IsInRole(Roles.President)) relations.Add(CaseRelation.President);
        if (caller.IsInRole(Roles.Clerk) && caller.Division == Division.Filing) relations.Add(CaseRelation.FilingClerk);
        if (relations.Count == 0) relations.Add(CaseRelation.UnassignedStaff);
        return relations;
    }

    /// <summary>The case team: who works on the case for the court (before assignment, the court's case staff).</summary>
    public static readonly IReadOnlySet<CaseRelation> CaseTeam = new HashSet<CaseRelation>
    {
        CaseRelation.CourtStaff, CaseRelation.AssignedJudge, CaseRelation.AssignedClerk, CaseRelation.AssignedOfficer,
        CaseRelation.DivisionHead, CaseRelation.President,
    };

    /// <summary>The side the caller acts on: the filing side, else the other side, else the court (staff), else none.</summary>
    public static CaseSide? SideOf(IReadOnlySet<CaseRelation> relations) =>
        relations.Overlaps(FilingSide) ? CaseSide.Filing
        : relations.Overlaps(OtherSide) ? CaseSide.Other
        : relations.Overlaps(CaseTeam) || relations.Contains(CaseRelation.FilingClerk) ? CaseSide.Court
        : null;

    /// <summary>The side of a party of the case.</summary>
    public static CaseSide SideOf(Party p) => p.Role == PartyRole.Plaintiff ? CaseSide.Filing : CaseSide.Other;

    /// <summary>The parties the caller is, or acts for (by party number).</summary>
    public static IReadOnlySet<int> PartiesOf(CourtUser caller, CourtCase c) =>
        c.Parties.Where(p => p.IsActedForBy(caller.Id)).Select(p => p.PartyNumber).ToHashSet();

    /// <summary>
    /// The sides an account is on in the case by its links alone, whatever it signs in as: the filer's, a party's own account's,
    /// a representative's (accepted or still waiting for the clerk). An account on one side never links to a party of the other.
    /// </summary>
    public static IReadOnlySet<CaseSide> SidesOfAccount(string userId, CourtCase c)
    {
        var sides = new HashSet<CaseSide>();
        if (string.Equals(c.FiledBy, userId, StringComparison.Ordinal)) sides.Add(CaseSide.Filing);
        foreach (var p in c.Parties.Where(p => string.Equals(p.UserId, userId, StringComparison.Ordinal)
            || p.Representatives.Any(r => string.Equals(r.UserId, userId, StringComparison.Ordinal))))
            sides.Add(SideOf(p));
        return sides;
    }

    /// <summary>The side a user acted on when it filed something in the case (the uploader of a document), by its id alone.</summary>
    public static CaseSide SideOfUser(string userId, CourtCase c) =>
        string.Equals(userId, c.FiledBy, StringComparison.Ordinal) ? CaseSide.Filing
        : c.Parties.FirstOrDefault(p => p.IsActedForBy(userId)) is { } party ? SideOf(party)
        : CaseSide.Court;
}
