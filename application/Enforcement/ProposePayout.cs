using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>The case's officer proposes paying held funds out to the creditor's account; approval by amount follows.</summary>
public sealed class ProposePayout(EnforcementCommit commit, IOptions<EnforcementOptions> options, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public Task<StoredCase> RunAsync(CaseGrant grant, PayoutRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var amount = v.Amount(r.Amount, "amount", required: true);
        v.ThrowIfAny();
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        var payee = new PayeeAccount(r.Payee!.Name!.Trim(), r.Payee.AccountNumber!.Trim(), r.Payee.BankName!.Trim());
        return commit.RunAsync(grant, "ProposePayout", c =>
        {
            var (changed, ev) = Payouts.Propose(c, officer, amount!.Value, payee, clock.GetUtcNow(), options.Value.Policy(), deadlines);
            return (changed, ev, []);
        }, ct);
    }
}
