using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>The case's officer deducts from a frozen account into the case's account (the money arrives as a bank credit).</summary>
public sealed class RequestDeduction(EnforcementCommit commit, IOptions<EnforcementOptions> options, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public Task<StoredCase> RunAsync(CaseGrant grant, DeductionRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var amount = v.Amount(r.Amount, "amount", required: true);
        v.ThrowIfAny();
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return commit.RunAsync(grant, "RequestDeduction", c =>
        {
            var (changed, ev, request) = Deductions.Request(c, officer, r.FreezeRequestId!, amount!.Value, clock.GetUtcNow(),
                options.Value.Policy(), deadlines);
            return (changed, ev, [request]);
        }, ct);
    }
}
