using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

public interface ISuspenseLedger
{
    /// <summary>Records the credit once (keyed by bank and transaction id); false when it was already recorded.</summary>
    Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default);

    Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default);

    /// <summary>Items not claimed yet (reserved ones included, so an interrupted claim can be finished), oldest first.</summary>
    Task<Page<SuspenseEntry>> ListOpenAsync(int pageSize, string? continuationToken, CancellationToken ct = default);

    /// <summary>
    /// Reserves the item for the claim's case, conditional on the item's version, so that of two claims racing for
    /// one deposit exactly one gets it. Reserving it again for the same case returns it as it is; for another case
    /// throws <see cref="SuspenseClaimedElsewhereException"/>.
    /// </summary>
    Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default);

    /// <summary>Gives up a reservation that could not be booked (the case closed meanwhile); a completed claim stays.</summary>
    Task ReleaseAsync(string entryId, string caseId, CancellationToken ct = default);

    /// <summary>Completes the case's reserved claim and takes the item off the open list; repeating it changes nothing.</summary>
    Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default);
}
