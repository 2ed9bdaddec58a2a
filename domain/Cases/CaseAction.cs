namespace ECourt.Domain.Cases;

/// <summary>
/// An action that moves a case from one state to another: one row of the transition table, declared by the stage
/// that owns the action, with the states it may start from, the state it leads to, and its legal source.
/// </summary>
public sealed record CaseAction(string Name, IReadOnlyList<CaseStatus> From, CaseStatus To, string Source)
{
    /// <summary>
    /// True for an act within a stage allowed from several states (submitting evidence while a hearing is scheduled): it leaves
    /// the case in the state it is in, so <see cref="To"/> is only its first state.
    /// </summary>
    public bool KeepsState { get; init; }

    /// <summary>An act allowed in each of <paramref name="states"/> that leaves the case where it is.</summary>
    public static CaseAction Within(string name, IReadOnlyList<CaseStatus> states, string source) =>
        new(name, states, states[0], source) { KeepsState = true };

    public bool Equals(CaseAction? other) => other is not null && other.Name == Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}
