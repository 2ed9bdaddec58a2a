using Azure;
using ECourt.Application.Payments;

namespace ECourt.Integration.Tests;

/// <summary>An account index whose storage fails the first <paramref name="failures"/> lookups.</summary>
internal sealed class FailingIndex(IAccountIndex inner, int failures) : IAccountIndex
{
    private int _failures = failures;
    private void MaybeFail() { if (Interlocked.Decrement(ref _failures) >= 0) throw new RequestFailedException(503, "Storage unavailable"); }
    public Task<string?> FindCaseByAccountAsync(string accountNumber, CancellationToken ct = default) { MaybeFail(); return inner.FindCaseByAccountAsync(accountNumber, ct); }
    public Task AddAccountAsync(string accountNumber, string caseId, CancellationToken ct = default) => inner.AddAccountAsync(accountNumber, caseId, ct);
}
