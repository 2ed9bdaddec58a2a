using Microsoft.Extensions.Logging;

namespace ECourt.Application.Cases;

/// <summary>
/// The lifecycle records that its round failed (after the activity's own retries), so the case view and the operators'
/// list show it; a round that succeeds again clears it. Both rows are written without reading the case's snapshot
/// first where it cannot be read (the failure may be in reading it): the court is then unknown, and read again at the
/// next recording.
/// </summary>
public sealed class RecordLifecycleStall(ICaseStore store, ILifecycleStalls stalls, CaseChanges changes, TimeProvider clock,
    ILogger<RecordLifecycleStall> log)
{
    /// <summary>Longest failure text kept: enough to tell an operator what failed.</summary>
    public const int MaxErrorChars = 500;

    /// <summary>The court of a stall whose case could not be read (no court's administrators see it until it is known).</summary>
    public const string UnknownCourt = "unknown";

    public async Task<LifecycleStall> RunAsync(LifecycleStallInput input, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var error = Shortened(input.Error);
        var earlier = (await store.GetRowAsync(input.CaseId, LifecycleRows.Stall, "", ct))?.Value;
        var court = await CourtOfAsync(store, input.CaseId, earlier?.Court, ct);
        var stall = new LifecycleStall(input.CaseId, court, earlier?.Since ?? now, input.Failures, error, now);
        await stalls.NoteAsync(stall, ct);
        await changes.WriteRowAsync(input.CaseId, LifecycleRows.Stall, "", stall, ct);
        log.LogWarning("Case {CaseId}: its lifecycle stalled since {Since} ({Failures} rounds failed): {Error}", input.CaseId, stall.Since,
            input.Failures, error);
        return stall;
    }

    public static string? Shortened(string? error) => error is { Length: > MaxErrorChars } e ? e[..MaxErrorChars] : error;

    /// <summary>
    /// The case's court, as recorded with an earlier stall or read from its snapshot; unknown while the snapshot cannot be
    /// read, and read again at every recording until it is known.
    /// </summary>
    public static async Task<string> CourtOfAsync(ICaseStore store, string caseId, string? recorded, CancellationToken ct)
    {
        if (recorded is not null && recorded != UnknownCourt) return recorded;
        try
        {
            return (await store.GetAsync(caseId, ct))?.Case.Court ?? UnknownCourt;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return UnknownCourt;
        }
    }
}

/// <summary>A round succeeded after a stall: the case and the operators' list no longer show it.</summary>
public sealed class ClearLifecycleStall(ICaseStore store, ILifecycleStalls stalls, CaseChanges changes)
{
    public async Task<bool> RunAsync(string caseId, CancellationToken ct = default)
    {
        var had = await store.GetRowAsync(caseId, LifecycleRows.Stall, "", ct) is not null;
        if (had) await changes.DeleteRowAsync(caseId, LifecycleRows.Stall, "", ct);
        await stalls.ClearAsync(caseId, ct: ct);
        return had;
    }
}
