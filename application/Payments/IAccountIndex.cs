namespace ECourt.Application.Payments;

/// <summary>Account number → case, one row each, so a bank's credit finds its case by one point read.</summary>
public interface IAccountIndex
{
    Task AddAccountAsync(string accountNumber, string caseId, CancellationToken ct = default);

    Task<string?> FindCaseByAccountAsync(string accountNumber, CancellationToken ct = default);
}
