namespace ECourt.Functions.Banking;

/// <summary>Settings of the bank listeners (section ECourt:Banking).</summary>
public sealed class BankMessagingOptions
{
    /// <summary>After this many deliveries a message that keeps failing transiently is dead-lettered with its last error.</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Messages handled at once by the listener.</summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>Working days to claim an unmatched deposit to its case before it is flagged overdue (a local rule; 3 by default).</summary>
    public int SuspenseClaimWorkingDays { get; set; } = Domain.Banking.SuspenseRules.DefaultClaimWorkingDays;
}
