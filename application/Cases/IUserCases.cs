namespace ECourt.Application.Cases;

/// <summary>Each user's cases, as rows of their own so that "my cases" is a single-partition query, never a scan.</summary>
public interface IUserCases
{
    Task AddUserCaseAsync(string userId, string caseId, DateTimeOffset createdAt, CancellationToken ct = default);

    /// <summary>How many cases the user's list holds (a judge's or clerk's: the cases assigned to them).</summary>
    Task<int> CountUserCasesAsync(string userId, CancellationToken ct = default);

    Task<Page<string>> ListUserCasesAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default);
}
