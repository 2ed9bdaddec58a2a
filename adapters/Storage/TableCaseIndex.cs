using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Filing;
using ECourt.Application.Payments;

namespace ECourt.Adapters.Storage;

/// <summary>
/// Cross-partition lists as rows of their own: "user|{id}" → its cases, "review|{court}" → the queue ordered by
/// submission time, "account|{number}" → the case (one point read).
/// </summary>
public sealed class TableCaseIndex(StorageClients storage) : IUserCases, IReviewQueue, IAccountIndex
{
    private TableClient Table => storage.CaseIndex;

    private static string UserPartition(string userId) => "user|" + TableKeys.Encode(userId);
    private static string ReviewPartition(string court) => "review|" + court;
    private static string AccountPartition(string account) => "account|" + account;
    private static string QueueRow(string caseId, DateTimeOffset submittedAt) => $"{submittedAt.UtcTicks:D19}|{caseId}";

    public async Task AddUserCaseAsync(string userId, string caseId, DateTimeOffset createdAt, CancellationToken ct = default) =>
        await Table.UpsertEntityAsync(new TableEntity(UserPartition(userId), caseId) { ["CreatedAt"] = createdAt }, TableUpdateMode.Replace, ct);

    public async Task<int> CountUserCasesAsync(string userId, CancellationToken ct = default)
    {
        var count = 0;
        await foreach (var _ in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition(userId)}"),
            select: ["RowKey"], cancellationToken: ct)) count++;
        return count;
    }

    public async Task<Page<string>> ListUserCasesAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(Table, UserPartition(userId), pageSize, continuationToken, ct);
        return new Page<string>(rows.Select(r => r.RowKey).ToList(), next);
    }

    public async Task EnqueueForReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default) =>
        await Table.UpsertEntityAsync(new TableEntity(ReviewPartition(court), QueueRow(caseId, submittedAt))
        {
            ["CaseId"] = caseId,
            ["SubmittedAt"] = submittedAt,
        }, TableUpdateMode.Replace, ct);

    public async Task RemoveFromReviewAsync(string court, string caseId, DateTimeOffset submittedAt, CancellationToken ct = default) =>
        await Table.DeleteEntityAsync(ReviewPartition(court), QueueRow(caseId, submittedAt), cancellationToken: ct);

    public async Task<Page<ReviewQueueEntry>> ListReviewQueueAsync(string court, int pageSize, string? continuationToken, CancellationToken ct = default)
    {
        var (rows, next) = await PartitionPages.ReadAsync(Table, ReviewPartition(court), pageSize, continuationToken, ct);
        return new Page<ReviewQueueEntry>(rows.Select(r => new ReviewQueueEntry(r.GetString("CaseId"), r.GetDateTimeOffset("SubmittedAt")!.Value)).ToList(), next);
    }

    public async Task AddAccountAsync(string accountNumber, string caseId, CancellationToken ct = default) =>
        await Table.UpsertEntityAsync(new TableEntity(AccountPartition(accountNumber), "case") { ["CaseId"] = caseId }, TableUpdateMode.Replace, ct);

    public async Task<string?> FindCaseByAccountAsync(string accountNumber, CancellationToken ct = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(AccountPartition(accountNumber), "case", cancellationToken: ct);
        return row.HasValue ? row.Value!.GetString("CaseId") : null;
    }
}
