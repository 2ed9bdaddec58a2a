using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// Finance staff's list of their court's deposits not claimed yet (<see cref="SuspenseCourts"/>), oldest first, each with
/// whether its claim deadline has passed. Payer names and accounts are shown only to finance staff of the court keeping them.
/// </summary>
public sealed class ListSuspense(ISuspenseLedger suspense, SuspenseCourts courts, TimeProvider clock)
{
    public sealed record Item(SuspenseEntry Entry, bool Overdue);

    public async Task<Page<Item>> RunAsync(CourtUser caller, int pageSize, string? token, CancellationToken ct)
    {
        // Items listed before suspense was kept per court go to their court's list first; once moved this is one empty query.
        if (token is null) await suspense.MoveToCourtListsAsync(courts.Of, ct);
        var page = await suspense.ListOpenAsync(caller.Court, pageSize, token, ct);
        var now = clock.GetUtcNow();
        return new Page<Item>(page.Items.Select(e => new Item(e, Overdue(e, now))).ToList(), page.ContinuationToken);
    }

    public static bool Overdue(SuspenseEntry e, DateTimeOffset now) =>
        !e.Claimed && e.ClaimBy is { } by && SuspenseRules.IsOverdue(by, now);
}
