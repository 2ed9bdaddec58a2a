namespace ECourt.Domain.Payments;

/// <summary>Money that matched no open case, waiting for finance staff to claim it to its case.</summary>
/// <param name="ClaimBy">the last day to claim it (3 working days by default), after which it is overdue</param>
public sealed record SuspenseEntry(string EntryId, BankCredit Credit, string Reason, DateTimeOffset RecordedAt, Calendar.Deadline? ClaimBy = null,
    SuspenseClaim? Claim = null)
{
    /// <summary>Claimed to its case and booked there: no longer open.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
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
