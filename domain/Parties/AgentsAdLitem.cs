namespace ECourt.Domain.Parties;

/// <summary>
/// Agents ad litem (CPL art. 61): "a party or a legal representative may appoint one or two persons as agents ad
/// litem", lawyers or others. A guardian or an organisation's legal representative acts by law, not by appointment,
/// and is not counted.
/// </summary>
public static class AgentsAdLitem
{
    public const int MaxPerParty = 2;

    public static bool IsAppointed(RepresentativeKind kind) => kind is RepresentativeKind.Lawyer or RepresentativeKind.Agent;

    /// <summary>Why the party's appointments break the rule, or null.</summary>
    public static string? Problem(IEnumerable<Representative> representatives) =>
        representatives.Count(r => IsAppointed(r.Kind)) > MaxPerParty
            ? $"A party appoints one or two agents ad litem (CPL art. 61); a guardian or legal representative is not counted."
            : null;
}
