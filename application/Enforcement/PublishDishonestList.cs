using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Brings the public dishonest list in line with the case's listings: an entry written for each listing in force, removed for each
/// taken off, then the case records the list is current. Both writes can be repeated, so the act that changed a listing and the
/// lifecycle (which keeps a listing whose public entry is not current) may both run it.
/// </summary>
public sealed class PublishDishonestList(ICaseStore store, CaseChanges changes, IDishonestList list, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EnforcementStage.DishonestPublicList];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct)
    {
        var c = stored.Case;
        var stale = c.Enforcement?.Listings.Where(l => !l.PublicListCurrent).ToList() ?? [];
        if (stale.Count == 0) return stored;
        foreach (var listing in stale)
        {
            var entry = PublicListing.Of(c, listing);
            if (listing.InForce) await list.PutAsync(entry, ct);
            else await list.RemoveAsync(entry.Name, c.CaseId, listing.Debtor, ct);
        }
        var debtors = stale.Select(l => l.Debtor).ToHashSet();
        return await changes.ApplyAsync(c.CaseId, x => CaseChange.Of(DishonestList.Published(x, debtors, clock.GetUtcNow())), ct, stored);
    }
}

/// <summary>Anyone searches the public dishonest list by name, and the last 4 characters of the identity number to tell namesakes
/// apart.</summary>
public sealed class SearchDishonestList(IDishonestList list)
{
    /// <summary>The longest name searched (an organisation's full registered name).</summary>
    public const int MaxName = 100;

    public async Task<IReadOnlyList<PublicListing>> RunAsync(DishonestSearch search, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text(search.Name, "name");
        v.Check(name is null || name.Length <= MaxName, "name", $"At most {MaxName} characters.");
        var suffix = search.IdSuffix?.Trim();
        v.Check(suffix is null or { Length: 4 }, "idSuffix", "The last 4 characters of the identity number.");
        v.ThrowIfAny();
        var found = await list.FindAsync(name!, ct);
        return found.Where(l => suffix is null || string.Equals(l.IdSuffix, suffix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.ListedSince).ToList();
    }
}
