namespace ECourt.Application.Cases;

/// <summary>
/// A kind of row a stage keeps in a case's partition beside the snapshot (documents, ledger entries, services): its key prefix and record.
/// </summary>
public sealed record CaseRowKind<T>(string Prefix) where T : class
{
    public string Key(string id) => Prefix + id;
}

/// <summary>One row of a change: its key, its record, and for a row with its own version, the ETag it must still have.</summary>
public sealed record CaseRow(string Key, object Value, Type Type, string? ETag = null)
{
    public static CaseRow Of<T>(CaseRowKind<T> kind, string id, T value, string? etag = null) where T : class =>
        new(kind.Key(id), value, typeof(T), etag);
}

/// <summary>A row as stored, with the version tag that guards its next write.</summary>
public sealed record StoredRow<T>(T Value, string ETag) where T : class;
