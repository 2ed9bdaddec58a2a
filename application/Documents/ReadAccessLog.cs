using ECourt.Application.Access;
using ECourt.Application.Cases;

namespace ECourt.Application.Documents;

/// <summary>The case's access log, for the case's team.</summary>
public sealed class ReadAccessLog(ICaseAccessLog log)
{
    public Task<Page<AccessLogEntry>> RunAsync(CaseGrant grant, int pageSize, string? token, CancellationToken ct) =>
        log.ListAsync(grant.CaseId, pageSize, token, ct);
}
