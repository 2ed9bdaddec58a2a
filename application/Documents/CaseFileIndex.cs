using ECourt.Application.Access;
using ECourt.Domain.Documents;

namespace ECourt.Application.Documents;

/// <summary>
/// Online case-file review: the index of every document of the case the caller may see (<see cref="VisibleDocuments"/>), the
/// view written to the case's access log before it is answered, so that no reading goes unrecorded.
/// </summary>
public sealed class CaseFileIndex(VisibleDocuments visible, ICaseAccessLog log, TimeProvider clock)
{
    public const string ViewedIndex = "file-index";

    public const string Downloaded = "download";

    public async Task<IReadOnlyList<CaseDocument>> RunAsync(CaseGrant grant, CancellationToken ct)
    {
        var documents = visible.Of(grant, grant.RequireFile()).OrderBy(d => d.UploadedAt).ToList();
        await log.AppendAsync(grant.CaseId, Entry(grant, ViewedIndex, null, clock.GetUtcNow()), ct);
        return documents;
    }

    /// <summary>The entry for a reading by the grant's caller: staff by their case-staff roles, a party-side caller as party or
    /// lawyer.</summary>
    public static AccessLogEntry Entry(CaseGrant grant, string what, string? documentId, DateTimeOffset at)
    {
        var role = grant.IsCourtStaff
            ? string.Join(',', grant.Caller.Roles.Where(Domain.Access.Roles.CaseStaff.Contains).Order(StringComparer.Ordinal))
            : CaseAccess.PartyActor(grant.Caller).Role;
        return new AccessLogEntry(at, grant.Caller.Id, role, what, documentId);
    }
}
