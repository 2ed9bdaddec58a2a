using ECourt.Domain.Parties;

namespace ECourt.Domain.Access;

/// <summary>
/// Whose contact data and identity a caller sees in the case: its own parties' (those it is or acts for), and every
/// party's for the court's case staff; of other parties, names, roles and representatives' names only.
/// </summary>
public static class PartyDetails
{
    public static bool SeesDetailsOf(IReadOnlySet<CaseRelation> relations, IReadOnlySet<int> callerParties, Party p) =>
        SeesDetailsOf(relations, callerParties, p.PartyNumber);

    /// <summary>The same for what concerns one party: where and how it was served, its certificates.</summary>
    public static bool SeesDetailsOf(IReadOnlySet<CaseRelation> relations, IReadOnlySet<int> callerParties, int partyNumber) =>
        relations.Overlaps(CaseRelations.CaseTeam) || relations.Contains(CaseRelation.FilingClerk) || callerParties.Contains(partyNumber);
}
