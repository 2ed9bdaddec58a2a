namespace ECourt.Application.Parties;

/// <summary>
/// What a stage does once an account acts for a party (its holder linked it, or a clerk accepted a representative's power
/// of attorney): service of process puts the documents served, or being served, on the party into the account's inbox.
/// Run after the link committed, and again when it is asked again: it must change nothing the second time.
/// </summary>
public interface IPartyLinked
{
    Task LinkedAsync(string caseId, int partyNumber, string userId, CancellationToken ct);
}
