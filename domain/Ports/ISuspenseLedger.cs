using ECourt.Domain.Banking;

namespace ECourt.Domain.Ports;

/// <summary>Money that matched no open case, waiting for finance staff to claim it to its case.</summary>
/// <param name="ClaimBy">the last day to claim it (3 working days by default), after which it is overdue</param>
public sealed record SuspenseEntry(string EntryId, BankCredit Credit, string Reason, DateTimeOffset RecordedAt, Calendar.Deadline? ClaimBy = null,
    SuspenseClaim? Claim = null);

/// <summary>Who claimed a suspense item to which case, and when.</summary>
public sealed record SuspenseClaim(string CaseId, string ClaimedBy, DateTimeOffset ClaimedAt, string? Note);

public interface ISuspenseLedger
{
    /// <summary>Records the credit once (keyed by bank and transaction id); false when it was already recorded.</summary>
    Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default);

    Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default);

    /// <summary>Items not claimed yet, oldest first.</summary>
    Task<Page<SuspenseEntry>> ListOpenAsync(int pageSize, string? continuationToken, CancellationToken ct = default);

    /// <summary>Marks the item claimed; true if this call claimed it, false if it was already claimed (to the same case).</summary>
    Task<bool> MarkClaimedAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default);
}
