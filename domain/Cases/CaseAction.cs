namespace ECourt.Domain.Cases;

/// <summary>
/// An action that moves a case from one state to another: one row of the transition table, declared by the stage
/// that owns the action, with the states it may start from, the state it leads to, and its legal source.
/// </summary>
public sealed record CaseAction(string Name, IReadOnlyList<CaseStatus> From, CaseStatus To, string Source)
{
    public bool Equals(CaseAction? other) => other is not null && other.Name == Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}
