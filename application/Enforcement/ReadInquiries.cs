using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>The case's asset inquiries, each with the banks asked, answered and silent, and the accounts and balances found.</summary>
public sealed class ReadInquiries(ICaseStore store)
{
    public sealed record Result(EnforcementSummary Enforcement, IReadOnlyDictionary<string, BankReply> Replies);

    public async Task<Result> RunAsync(CaseGrant grant, CancellationToken ct)
    {
        var e = EnforcementMeasures.Of(grant.Case);
        var replies = await store.ListRowsAsync(grant.CaseId, EnforcementRows.Replies, ct);
        return new Result(e, replies.Where(r => r.Kind == BankReplyKind.AssetInquiryResult).ToDictionary(r => r.RequestId));
    }
}
