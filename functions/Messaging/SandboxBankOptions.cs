namespace ECourt.Functions.Messaging;

/// <summary>
/// The sandbox bank of a local run (section ECourt:Banking:Sandbox): off unless enabled, and never where a Service Bus namespace is
/// configured. It answers the court's requests from the accounts configured here, as the banks would over Service Bus.
/// </summary>
public sealed class SandboxBankOptions
{
    public bool Enabled { get; set; }

    /// <summary>Banks that never answer (to walk an inquiry that closes with silent banks).</summary>
    public List<string> Silent { get; set; } = [];

    public List<SandboxAccount> Accounts { get; set; } = [];
}

/// <summary>An account a sandbox bank holds for a debtor, found by the debtor's identity number or credit code.</summary>
public sealed class SandboxAccount
{
    public string BankCode { get; set; } = "";

    public string HolderId { get; set; } = "";

    public string AccountNumber { get; set; } = "";

    public string Kind { get; set; } = "deposit";

    public decimal Balance { get; set; }
}
