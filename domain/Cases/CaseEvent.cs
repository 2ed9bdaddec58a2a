namespace ECourt.Domain.Cases;

/// <summary>One change to a case: who, when, from which state to which, and why. Append-only.</summary>
public sealed record CaseEvent(
    int Sequence,
    string Action,
    string ActorId,
    string ActorRole,
    DateTimeOffset At,
    CaseStatus? From,
    CaseStatus To,
    string Reason);
