using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>Finance staff's list of deposits not claimed yet, oldest first, each with whether its claim deadline has passed.</summary>
public sealed class ListSuspense(ISuspenseLedger suspense, TimeProvider clock)
{
    public sealed record Item(SuspenseEntry Entry, bool Overdue);

    public async Task<Page<Item>> RunAsync(int pageSize, string? token, CancellationToken ct)
    {
        var page = await suspense.ListOpenAsync(pageSize, token, ct);
        var now = clock.GetUtcNow();
        return new Page<Item>(page.Items.Select(e => new Item(e, Overdue(e, now))).ToList(), page.ContinuationToken);
    }

    public static bool Overdue(SuspenseEntry e, DateTimeOffset now) =>
        !e.Claimed && e.ClaimBy is { } by && SuspenseRules.IsOverdue(by, now);
}
