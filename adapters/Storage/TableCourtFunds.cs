using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.Storage;

/// <summary>
/// The funds register: one partition per holder (a court, or suspense). A credit is a row keyed by bank,
/// China-time day and transaction id (its own de-duplication record, and what reconciliation reads), written
/// in one transaction with one of the holder's total rows. The total is split into <see cref="ShardCount"/>
/// rows so concurrent credits to one court do not queue on one ETag; each row is cached with its ETag
/// in this process and written by one credit at a time, so a credit costs one round trip and no read.
/// </summary>
public sealed class TableCourtFunds(StorageClients storage) : ICourtFunds
{
    public const int ShardCount = 16;
    private const string CreditPrefix = "credit|";
    private const string TotalPrefix = "total|";

    private readonly ConcurrentDictionary<string, Shards> _holders = new(StringComparer.Ordinal);

    private static string DayPrefix(string bankCode, DateOnly day) => $"{CreditPrefix}{bankCode}|{day:yyyyMMdd}|";

    private static string CreditRow(BookedCredit c) => DayPrefix(c.BankCode, Domain.Calendar.ChinaTime.DateOf(c.BookedAt)) + c.BankTransactionId;

    private static string Partition(string holder) => "holder|" + holder;

    public Task<bool> RecordAsync(BookedCredit credit, CancellationToken ct = default)
    {
        var row = new TableEntity(Partition(credit.Holder), CreditRow(credit));
        StoredJson.Write(row, credit);
        return AddWithTotalAsync(credit.Holder, row, credit.Amount, 1, ct);
    }

    public async Task<bool> TransferAsync(string creditKey, string fromHolder, string toHolder, decimal amount, CancellationToken ct = default)
    {
        // Out of one holder, then into the other, each once by its own marker: a retry after a crash between them finishes the move.
        var marker = TableKeys.Encode(creditKey);
        var outOf = await AddWithTotalAsync(fromHolder, new TableEntity(Partition(fromHolder), "transfer-out|" + marker) { ["To"] = toHolder }, -amount, -1, ct);
        var into = await AddWithTotalAsync(toHolder, new TableEntity(Partition(toHolder), "transfer-in|" + marker) { ["From"] = fromHolder }, amount, 1, ct);
        return outOf || into;
    }

    public async Task<FundsTotal> TotalAsync(string holder, CancellationToken ct = default)
    {
        var partition = Partition(holder);
        decimal held = 0m;
        long credits = 0;
        await foreach (var row in storage.Funds.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TotalPrefix} and RowKey lt {TotalPrefix + "~"}"), cancellationToken: ct))
        {
            held += Held(row);
            credits += row.GetInt64("Credits") ?? 0;
        }
        return new FundsTotal(holder, held, credits);
    }

    public async Task<IReadOnlyList<BookedCredit>> BookedOnAsync(string holder, string bankCode, DateOnly day, CancellationToken ct = default)
    {
        var partition = Partition(holder);
        var prefix = DayPrefix(bankCode, day);
        var credits = new List<BookedCredit>();
        await foreach (var row in storage.Funds.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), cancellationToken: ct))
            credits.Add(StoredJson.Read<BookedCredit>(row));
        return credits;
    }

    private static decimal Held(TableEntity row) => decimal.Parse(row.GetString("Held") ?? "0", NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Adds the marker row and moves one total row by the amount, in one transaction; false when the marker was already there.</summary>
    private async Task<bool> AddWithTotalAsync(string holder, TableEntity marker, decimal amount, int credits, CancellationToken ct)
    {
        var shards = _holders.GetOrAdd(holder, _ => new Shards());
        return await ConflictRetry.RunAsync($"Funds of {holder}", async _ =>
        {
            var shard = await shards.AcquireAsync(ct);
            try
            {
                if (!shard.Loaded)
                {
                    var existing = await storage.Funds.GetEntityIfExistsAsync<TableEntity>(marker.PartitionKey, TotalPrefix + shard.Index.ToString("D2"), cancellationToken: ct);
                    shard.Load(existing.HasValue ? Held(existing.Value!) : 0m, existing.HasValue ? existing.Value!.GetInt64("Credits") ?? 0 : 0,
                        existing.HasValue ? existing.Value!.ETag.ToString() : null);
                }
                var total = new TableEntity(marker.PartitionKey, TotalPrefix + shard.Index.ToString("D2"))
                {
                    ["Held"] = (shard.Held + amount).ToString("0.00", CultureInfo.InvariantCulture),
                    ["Credits"] = shard.Credits + credits,
                };
                TableTransactionAction write = shard.ETag is null
                    ? new(TableTransactionActionType.Add, total)
                    : new(TableTransactionActionType.UpdateReplace, total, new ETag(shard.ETag));
                try
                {
                    var result = await storage.Funds.SubmitTransactionAsync([new(TableTransactionActionType.Add, marker), write], ct);
                    shard.Load(shard.Held + amount, shard.Credits + credits, result.Value[1].Headers.ETag?.ToString());
                    return ConflictRetry.Attempt<bool>.Success(true);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 0)
                {
                    return ConflictRetry.Attempt<bool>.Success(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another instance moved this total row: read it again on the next attempt.
                    shard.Forget();
                    return ConflictRetry.Attempt<bool>.Lost;
                }
            }
            finally
            {
                shard.Release();
            }
        }, ct);
    }

    private sealed class Shards
    {
        private readonly Shard[] _shards = Enumerable.Range(0, ShardCount).Select(i => new Shard(i)).ToArray();
        private int _next;

        public async Task<Shard> AcquireAsync(CancellationToken ct)
        {
            var start = (int)((uint)Interlocked.Increment(ref _next) % ShardCount);
            for (var i = 0; i < ShardCount; i++)
            {
                var shard = _shards[(start + i) % ShardCount];
                if (shard.Gate.Wait(0)) return shard;
            }
            var waitOn = _shards[start];
            await waitOn.Gate.WaitAsync(ct);
            return waitOn;
        }
    }

    private sealed class Shard(int index)
    {
        public int Index { get; } = index;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public bool Loaded { get; private set; }
        public decimal Held { get; private set; }
        public long Credits { get; private set; }
        public string? ETag { get; private set; }

        public void Load(decimal held, long credits, string? etag) => (Held, Credits, ETag, Loaded) = (held, credits, etag, true);

        public void Forget() => Loaded = false;

        public void Release() => Gate.Release();
    }
}
