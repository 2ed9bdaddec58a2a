using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>Deposits that matched no open case, each kept by one court (<see cref="SuspenseCourts"/>) until claimed to its case.</summary>
public interface ISuspenseLedger
{
    /// <summary>
    /// Records the credit once (keyed by bank and transaction id) and lists it under its court (<see cref="SuspenseEntry.Court"/>,
    /// required); false when it was already recorded.
    /// </summary>
    Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default);

    Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default);

    /// <summary>One court's items not claimed yet (reserved ones included, so an interrupted claim can be finished), oldest first.
    /// </summary>
    Task<Page<SuspenseEntry>> ListOpenAsync(string court, int pageSize, string? continuationToken, CancellationToken ct = default);

    /// <summary>
    /// Moves the items listed before suspense was kept per court (one list for every court) to their court's list, writing
    /// the court <paramref name="courtOf"/> gives on each item first; repeating it, or a crash in it, loses none.
    /// </summary>
    Task MoveToCourtListsAsync(Func<SuspenseEntry, string> courtOf, CancellationToken ct = default);

    /// <summary>
    /// Reserves the item for the claim's case, conditional on the item's version, so that of two claims racing for
    /// one deposit exactly one gets it. Reserving it again for the same case returns it as it is (with the reservation
    /// made first); for another case throws <see cref="SuspenseClaimedElsewhereException"/>.
    /// </summary>
    Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default);

    /// <summary>
    /// Gives up <paramref name="reservation"/> if the item is still held by it (not by a completed claim, nor by a later
    /// reservation); returns the item as it is afterwards. Only once the reserved case's partition records the reservation
    /// as released (<see cref="ReservationEnd"/>), so a claim still booking under it cannot book too.
    /// </summary>
    Task<SuspenseEntry> ReleaseAsync(string entryId, SuspenseClaim reservation, CancellationToken ct = default);

    /// <summary>Completes the case's reserved claim and takes the item off the open list; repeating it changes nothing.</summary>
    Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default);
}
