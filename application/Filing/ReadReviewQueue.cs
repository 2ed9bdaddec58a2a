using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Application.Filing;

/// <summary>The clerk's court's filings waiting for review, oldest first; a queue row that outlived its decision is skipped.</summary>
public sealed class ReadReviewQueue(IReviewQueue queue, ICaseStore store)
{
    public async Task<Page<CourtCase>> RunAsync(CourtUser clerk, int pageSize, string? token, CancellationToken ct)
    {
        var page = await queue.ListReviewQueueAsync(clerk.Court, pageSize, token, ct);
        var cases = await Task.WhenAll(page.Items.Select(e => store.GetAsync(e.CaseId, ct)));
        // A queue row outlives its filing only if a decision crashed before removing it; the case's own state decides.
        return new Page<CourtCase>(cases.OfType<StoredCase>().Select(s => s.Case)
            .Where(c => c.Status == CaseStatus.Submitted && c.Court == clerk.Court).ToList(), page.ContinuationToken);
    }
}
