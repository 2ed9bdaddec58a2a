using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Orchestrations.Cases;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>Reads the case's state and its next deadline from the table (the orchestration keeps none of it).</summary>
public sealed class GetCaseProgress(ICaseStore store) : ICaseActivity<string, CaseProgress>
{
    public async Task<CaseProgress> RunAsync(string caseId, CancellationToken ct = default)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        return CaseProgress.Of(stored.Case);
    }
}
