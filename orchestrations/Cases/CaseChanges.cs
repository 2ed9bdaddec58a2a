using ECourt.Domain.Cases;
using ECourt.Domain.Ports;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// Applies a change to a case: read the snapshot, let the rule decide, save with the snapshot's ETag,
/// and on a concurrent change read again and let the rule decide again.
/// </summary>
public sealed class CaseChanges(ICaseStore store)
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// <paramref name="decide"/> returns the changed case with its events, or null when there is nothing
    /// to do in the case's current state. Returns the stored case after the change (or as it was).
    /// </summary>
    public Task<StoredCase> ApplyAsync(string caseId, Func<CourtCase, (CourtCase Case, IReadOnlyList<CaseEvent> Events)?> decide, CancellationToken ct = default) =>
        ApplyAsync(caseId, null, decide, ct);

    /// <summary>As above, starting from a snapshot the caller has just read (saving a round trip when it is current).</summary>
    public async Task<StoredCase> ApplyAsync(string caseId, StoredCase? current, Func<CourtCase, (CourtCase Case, IReadOnlyList<CaseEvent> Events)?> decide, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = (attempt == 0 ? current : null) ?? await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
            var change = decide(stored.Case);
            if (change is not { } c) return stored;
            try
            {
                return await store.SaveAsync(c.Case, c.Events, stored.ETag, ct);
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    public Task<StoredCase> ApplyAsync(string caseId, Func<CourtCase, (CourtCase Case, CaseEvent Event)?> decide, CancellationToken ct = default) =>
        ApplyOneAsync(caseId, null, decide, ct);

    public Task<StoredCase> ApplyOneAsync(string caseId, StoredCase? current, Func<CourtCase, (CourtCase Case, CaseEvent Event)?> decide, CancellationToken ct = default) =>
        ApplyAsync(caseId, current, c => decide(c) is { } one ? (one.Case, [one.Event]) : ((CourtCase, IReadOnlyList<CaseEvent>)?)null, ct);
}

public sealed class CaseNotFoundException(string caseId) : Exception($"No case {caseId}.")
{
    public string CaseId { get; } = caseId;
}
