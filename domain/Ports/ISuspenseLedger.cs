using ECourt.Domain.Banking;

namespace ECourt.Domain.Ports;

/// <summary>Money that matched no open case, waiting for finance staff to claim it to its case.</summary>
public sealed record SuspenseEntry(string EntryId, BankCredit Credit, string Reason, DateTimeOffset RecordedAt);

public interface ISuspenseLedger
{
    /// <summary>Records the credit once (keyed by bank and transaction id); false when it was already recorded.</summary>
    Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default);

    Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default);
}
