using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// What a use case decided about a case, committed in one entity-group transaction of the case's partition: the new
/// snapshot with its events (or none, when only a row with its own version changes), rows to insert once (a ledger
/// entry, a document: one that exists already means the change was applied before), rows to write, and rows to delete.
/// </summary>
public sealed record CaseChange(string CaseId, CourtCase? Snapshot, IReadOnlyList<CaseEvent> Events, IReadOnlyList<CaseRow> InsertOnce,
    IReadOnlyList<CaseRow> Upserts)
{
    /// <summary>Keys of rows to delete (each must exist: a row deleted meanwhile is a conflict, decided again).</summary>
    public IReadOnlyList<string> Deletes { get; init; } = [];

    public static CaseChange Of(CourtCase snapshot, IReadOnlyList<CaseEvent> events) => new(snapshot.CaseId, snapshot, events, [], []);

    public static CaseChange Of((CourtCase Case, CaseEvent Event) change) => Of(change.Case, [change.Event]);

    public static CaseChange Of((CourtCase Case, IReadOnlyList<CaseEvent> Events) change) => Of(change.Case, change.Events);

    public static CaseChange? Of((CourtCase Case, CaseEvent Event)? change) => change is { } c ? Of(c) : null;

    public static CaseChange? Of((CourtCase Case, IReadOnlyList<CaseEvent> Events)? change) => change is { } c ? Of(c) : null;

    /// <summary>A change of one row of the case alone, under the row's own ETag.</summary>
    public static CaseChange OfRow(string caseId, CaseRow row) => new(caseId, null, [], [], [row]);

    public CaseChange Inserting(CaseRow row) => this with { InsertOnce = [.. InsertOnce, row] };

    public CaseChange Writing(CaseRow row) => this with { Upserts = [.. Upserts, row] };

    public CaseChange Deleting(string key) => this with { Deletes = [.. Deletes, key] };
}

public enum CommitOutcome
{
    Committed,
    /// <summary>A row to insert once is there already (or, creating the case, the case is): the change was made before.</summary>
    AlreadyApplied,
    /// <summary>The snapshot or a row changed since its ETag was read: decide again on what is there now.</summary>
    Conflict,
}

/// <summary>How a commit went, and the new ETags of what it wrote (the snapshot's, and each written row's by key).</summary>
public sealed record CommitResult(CommitOutcome Outcome, string? SnapshotETag = null, IReadOnlyDictionary<string, string>? RowETags = null)
{
    public static CommitResult Conflict { get; } = new(CommitOutcome.Conflict);

    public static CommitResult AlreadyApplied { get; } = new(CommitOutcome.AlreadyApplied);
}
