using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>
/// The case's account (the access table grants its readers: the filing side, the case staff and finance of its court): its number,
/// every entry, and the balance: what the account received, as the stage whose money it is counts it, less what was paid out of it.
/// </summary>
public sealed class ReadLedger(CaseCreditEffects effects)
{
    public sealed record Result(CaseFile File, IReadOnlyList<LedgerEntry> Entries, string? AccountNumber, decimal Balance);

    public Result Run(CaseGrant grant)
    {
        var file = grant.RequireFile();
        var entries = file.Rows(LedgerRows.Ledger).OrderBy(l => l.RecordedAt).ToList();
        var effect = effects.For(file.Case);
        var paidOut = entries.Where(e => e.Kind == LedgerEntry.Payout).Sum(e => e.Amount);
        return new Result(file, entries, effect.AccountNumber(file.Case), effect.Received(file.Case) - paidOut);
    }
}
