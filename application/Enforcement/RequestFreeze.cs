using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>The case's officer freezes (or renews the freeze of) a debtor's account at a bank, within what is owed.</summary>
public sealed class RequestFreeze(EnforcementCommit commit, IOptions<EnforcementOptions> options, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public Task<StoredCase> RunAsync(CaseGrant grant, FreezeRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var amount = v.Amount(r.Amount, "amount", required: true);
        var until = r.Until is null ? null : v.Date(r.Until, "until");
        var banks = options.Value.Policy().Banks;
        v.Check(banks.Contains(r.BankCode!) || r.BankCode == options.Value.CourtBank, "bankCode",
            "One of the banks the court works with: " + string.Join(", ", banks) + ".");
        v.ThrowIfAny();
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return commit.RunAsync(grant, "RequestFreeze", c =>
        {
            var (changed, ev, request) = Freezes.Request(c, officer, r.BankCode!, r.AccountNumber!.Trim(), r.Debtor!.Value, amount!.Value,
                until, r.Renews, clock.GetUtcNow(), options.Value.Policy(), deadlines);
            return (changed, ev, [request]);
        }, ct);
    }
}
