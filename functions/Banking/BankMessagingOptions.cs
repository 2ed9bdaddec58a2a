namespace ECourt.Functions.Banking;

/// <summary>Settings of the bank listeners (section ECourt:Banking).</summary>
public sealed class BankMessagingOptions
{
    /// <summary>After this many deliveries a message that keeps failing transiently is dead-lettered with its last error.</summary>
    public int MaxDeliveries { get; set; } = 10;
}
