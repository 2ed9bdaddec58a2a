namespace ECourt.Functions.Payments;

/// <summary>Settings of the bank listeners (section ECourt:Banking; the court's local rule on suspense is <see cref="Application.Payments.PaymentsOptions"/>).</summary>
public sealed class BankMessagingOptions
{
    /// <summary>After this many deliveries a message that keeps failing transiently is dead-lettered with its last error.</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Messages handled at once by the listener.</summary>
    public int MaxConcurrentCalls { get; set; } = 16;
}
