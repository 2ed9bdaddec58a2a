using System.Text.Json.Serialization;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Cases;

/// <summary>
/// A case as it stands: the core of the snapshot kept beside its append-only events (identity, court, what the case
/// is about, its parties, state and version) and each stage's small summary in <see cref="Parts"/>. Every change goes
/// through <see cref="Transition"/> (an action of the transition table) or <see cref="Record"/>, which yield its event.
/// </summary>
public sealed record CourtCase(
    string CaseId,
    string Court,
    FeeCaseType CaseType,
    Procedure Procedure,
    string Cause,
    decimal? ClaimAmount,
    string Claims,
    string Facts,
    IReadOnlyList<Party> Parties,
    string FiledBy,
    string FilingFingerprint,
    DateTimeOffset CreatedAt,
    CaseStatus Status,
    int Version,
    string? CaseNumber,
    DateTimeOffset? RegisteredAt)
{
    /// <summary>Each stage's summary, stored in the snapshot under the part's name.</summary>
    [JsonIgnore]
    public CaseParts Parts { get; init; } = CaseParts.Empty;

    public T? Part<T>() where T : class => Parts.Get<T>();

    /// <summary>The case with a stage's part set (null: removed).</summary>
    public CourtCase With<T>(T? part) where T : class => this with { Parts = Parts.With(part) };

    /// <summary>A new filing in <see cref="CaseStatus.Draft"/>: a plaintiff's, by it or its representative (<see cref="Filing.Filer"/>).</summary>
    public static (CourtCase Case, CaseEvent Event) Draft(
        string caseId, string court, FeeCaseType caseType, Procedure procedure, string cause, decimal? claimAmount,
        string claims, string facts, IReadOnlyList<Party> parties, Actor filer, string fingerprint, DateTimeOffset at)
    {
        if (!parties.Any(p => p.Role == PartyRole.Plaintiff) || !parties.Any(p => p.Role == PartyRole.Defendant))
            throw new DomainRuleException("parties-incomplete", "A complaint names at least one plaintiff and one defendant (CPL art. 124).", "parties");
        Filing.Filer.Check(parties, filer.UserId);
        var created = new CourtCase(caseId, court, caseType, procedure, cause, claimAmount, claims, facts, parties,
            filer.UserId, fingerprint, at, CaseStatus.Draft, 1, null, null);
        return (created, new CaseEvent(1, "CreateFiling", filer.UserId, filer.Role, at, null, CaseStatus.Draft, "Filing created online"));
    }

    /// <summary>Moves the case by <paramref name="action"/>, refusing it from a state its row does not allow.</summary>
    public (CourtCase Case, CaseEvent Event) Transition(CaseAction action, Actor actor, DateTimeOffset at, string reason, Func<CourtCase, CourtCase>? change = null)
    {
        var to = CaseTransitions.Target(Status, action);
        var changed = (change?.Invoke(this) ?? this) with { Status = to, Version = Version + 1 };
        return (changed, new CaseEvent(Version + 1, action.Name, actor.UserId, actor.Role, at, Status, to, reason));
    }

    /// <summary>A change that is not a transition (a document, an application) still becomes an event.</summary>
    public (CourtCase Case, CaseEvent Event) Record(string action, Actor actor, DateTimeOffset at, string reason, Func<CourtCase, CourtCase> change)
    {
        var changed = change(this) with { Version = Version + 1 };
        return (changed, new CaseEvent(Version + 1, action, actor.UserId, actor.Role, at, Status, Status, reason));
    }

    /// <summary>True when the user is a party, acts for one, or filed the case.</summary>
    public bool IsPartyOrRepresentative(string userId) =>
        string.Equals(FiledBy, userId, StringComparison.Ordinal) || Parties.Any(p => p.IsActedForBy(userId));

    /// <summary>Every user who follows the case as a party or representative.</summary>
    public IEnumerable<string> ParticipantUserIds() =>
        Parties.SelectMany(p => p.Representatives.Select(r => r.UserId).Append(p.UserId))
            .OfType<string>().Append(FiledBy).Distinct(StringComparer.Ordinal);
}
