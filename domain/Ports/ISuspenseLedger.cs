using ECourt.Domain.Banking;

namespace ECourt.Domain.Ports;

/// <summary>Money that matched no open case, waiting for finance staff to claim it to its case.</summary>
/// <param name="ClaimBy">the last day to claim it (3 working days by default), after which it is overdue</param>
public sealed record SuspenseEntry(string EntryId, BankCredit Credit, string Reason, DateTimeOffset RecordedAt, Calendar.Deadline? ClaimBy = null,
    SuspenseClaim? Claim = null)
{
    /// <summary>Claimed to its case and booked there: no longer open.</summary>
    public bool Claimed => Claim is { Completed: true };
}

/// <summary>
/// Who claimed a suspense item to which case, and when. A claim is reserved first (<paramref name="Completed"/> false)
/// and completed once the credit is booked to the case and its money moved; claims recorded before reservations
/// existed were written complete, which is what a missing flag reads as.
/// </summary>
public sealed record SuspenseClaim(string CaseId, string ClaimedBy, DateTimeOffset ClaimedAt, string? Note, bool Completed = true);

/// <summary>The item is reserved or claimed for another case: it goes to one case only.</summary>
public sealed class SuspenseClaimedElsewhereException(string entryId, string caseId)
    : DomainRuleException("suspense-already-claimed", $"The deposit {entryId} was already claimed to case {caseId}.")
{
    public string CaseId { get; } = caseId;
}

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
