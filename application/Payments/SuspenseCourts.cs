using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Courts;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Payments;

/// <summary>
/// Which court keeps a deposit in suspense (<see cref="SuspenseRules.CourtOf"/>), with this deployment's courts and setting:
/// its finance staff list it, claim it to their cases and release its reservations.
/// </summary>
public sealed class SuspenseCourts(CourtDirectory courts, IOptions<PaymentsOptions> options, ISuspenseLedger suspense)
{
    public string Of(BankCredit credit) => SuspenseRules.CourtOf(credit.AccountNumber, courts, options.Value.SuspenseCourt);

    /// <summary>The court the item was recorded for; for an item recorded before that was kept, decided now the same way.</summary>
    public string Of(SuspenseEntry entry) => entry.Court ?? Of(entry.Credit);

    /// <summary>The item, if it exists and the caller is finance staff of the court keeping it; another court's is not revealed.</summary>
    /// <exception cref="NotFoundException">no such item, or another court's</exception>
    public async Task<SuspenseEntry> KeptForAsync(string entryId, CourtUser caller, CancellationToken ct)
    {
        if (!SuspenseRules.IsEntryId(entryId)) throw new NotFoundException("such suspense item");
        var entry = await suspense.GetAsync(entryId, ct);
        if (entry is null || !caller.IsStaffOf(Of(entry), Roles.Finance)) throw new NotFoundException("such suspense item");
        return entry;
    }
}
