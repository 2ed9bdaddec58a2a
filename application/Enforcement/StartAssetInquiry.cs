using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>The case's officer inquires of every configured bank about the case's debtors (all of them, or those named).</summary>
public sealed class StartAssetInquiry(EnforcementCommit commit, IOptions<EnforcementOptions> options, DeadlineCalculator deadlines,
    TimeProvider clock)
{
    public Task<StoredCase> RunAsync(CaseGrant grant, AssetInquiryRequest r, CancellationToken ct)
    {
        var officer = CaseAccess.ActorFor(grant.Caller, Roles.EnforcementOfficer);
        return commit.RunAsync(grant, "StartAssetInquiry",
            c => AssetInquiries.Start(c, officer, r.Debtors?.Select(d => d!.PartyNumber!.Value).ToList(), clock.GetUtcNow(),
                options.Value.Policy(), deadlines), ct);
    }
}
