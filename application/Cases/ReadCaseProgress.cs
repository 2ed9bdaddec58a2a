using ECourt.Domain.Calendar;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Cases;

/// <summary>The case lifecycle's round: what the case waits for by court time, and how long to wait without a deadline.</summary>
public sealed class ReadCaseProgress(ICaseStore store, DeadlineCalculator deadlines, TimeProvider clock, IOptions<LifecycleOptions> options)
{
    public async Task<CaseProgress> RunAsync(string caseId, CancellationToken ct = default)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        return CaseProgress.Of(stored.Case, clock.GetUtcNow(), deadlines) with { Recheck = options.Value.RecheckWithoutDeadline };
    }
}
