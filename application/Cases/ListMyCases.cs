using ECourt.Domain.Access;

namespace ECourt.Application.Cases;

/// <summary>
/// The caller's own cases, a page at a time; an index row written before a create that then failed points at no case and is skipped.
/// </summary>
public sealed class ListMyCases(IUserCases userCases, ICaseStore store)
{
    public async Task<Page<StoredCase>> RunAsync(CourtUser caller, int pageSize, string? token, CancellationToken ct)
    {
        var page = await userCases.ListUserCasesAsync(caller.Id, pageSize, token, ct);
        var cases = await Task.WhenAll(page.Items.Select(id => store.GetAsync(id, ct)));
        return new Page<StoredCase>(cases.OfType<StoredCase>().Where(s => CaseVisibility.CanSee(caller, s.Case)).ToList(),
            page.ContinuationToken);
    }
}
