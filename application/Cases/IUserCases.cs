namespace ECourt.Application.Cases;

/// <summary>Each user's cases, as rows of their own so that "my cases" is a single-partition query, never a scan.</summary>
public interface IUserCases
{
    Task AddUserCaseAsync(string userId, string caseId, DateTimeOffset createdAt, CancellationToken ct = default);

    Task<Page<string>> ListUserCasesAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default);
}
