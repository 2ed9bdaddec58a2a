namespace ECourt.Application.Documents;

/// <summary>One reading of a case's file: who (account and the role it acted in), what (the index, or a document), when.</summary>
public sealed record AccessLogEntry(DateTimeOffset At, string UserId, string Role, string What, string? DocumentId);

/// <summary>
/// The case's access log: every view of its file index and every download of its documents, kept apart from the case's own
/// rows, so that reading a case never changes its version.
/// </summary>
public interface ICaseAccessLog
{
    Task AppendAsync(string caseId, AccessLogEntry entry, CancellationToken ct = default);

    /// <summary>The log, oldest first, a page at a time.</summary>
    Task<Cases.Page<AccessLogEntry>> ListAsync(string caseId, int pageSize, string? continuationToken, CancellationToken ct = default);
}
