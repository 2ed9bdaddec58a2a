namespace ECourt.Functions.Banking;

/// <summary>How a bank message was settled.</summary>
public enum BankSettlement
{
    Completed,
    DeadLettered,
    Abandoned,
}

public sealed record BankMessageOutcome(BankSettlement Outcome, string? Reason);
