using ECourt.Application.Cases;
using ECourt.Domain.Access;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>The caller's platform inbox, newest first.</summary>
public sealed class ListInbox(IInbox inbox)
{
    public Task<Page<InboxItem>> RunAsync(CourtUser caller, int pageSize, string? token, CancellationToken ct) =>
        inbox.ListAsync(caller.Id, pageSize, token, ct);
}
