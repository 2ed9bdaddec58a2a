namespace ECourt.Application.Cases;

/// <summary>Reads the case's progress by court time (the lifecycle keeps none of it).</summary>
public sealed class ReadCaseProgress(ICaseStore store, TimeProvider clock)
{
    public async Task<CaseProgress> RunAsync(string caseId, CancellationToken ct = default)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        return CaseProgress.Of(stored.Case, clock.GetUtcNow());
    }
}
