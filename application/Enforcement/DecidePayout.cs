using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The division head (or, above the court's threshold, the president after them) approves or refuses a payout; the last approval
/// sends its instruction to the court's bank.
/// </summary>
public sealed class DecidePayout(EnforcementCommit commit, IOptions<EnforcementOptions> options, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public Task<StoredCase> RunAsync(CaseGrant grant, string payoutId, PayoutDecisionRequest r, CancellationToken ct)
    {
        var approver = new Domain.Cases.Actor(grant.Caller.Id,
            Payouts.ApproverRoles.FirstOrDefault(grant.Caller.IsInRole) ?? Roles.DivisionHead);
        var roles = Payouts.ApproverRoles.Where(grant.Caller.IsInRole).ToHashSet();
        return commit.RunAsync(grant, "DecidePayout", c =>
        {
            var (changed, ev, request) = Payouts.Decide(c, payoutId, approver, roles, r.Approve!.Value, r.Reasons?.Trim(),
                clock.GetUtcNow(), options.Value.Policy(), deadlines);
            return (changed, ev, request is null ? [] : [request]);
        }, ct);
    }
}
