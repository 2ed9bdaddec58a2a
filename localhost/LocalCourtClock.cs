using Azure.Data.Tables;
using ECourt.Adapters.Storage;

namespace ECourt.LocalHost;

/// <summary>
/// Court time on the local host: real time plus an offset that only moves forward (POST /api/local/clock), so a case's
/// months of deadlines can be walked in minutes. The offset is kept in the local storage, so data and court time stay
/// together across restarts. In Azure the app's clock is the system's: no offset exists.
/// </summary>
public sealed class LocalCourtClock(StorageClients storage) : TimeProvider
{
    private const string Partition = "local|clock";
    private const string Row = "offset";
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public async Task LoadAsync(CancellationToken ct)
    {
        var row = await storage.CaseIndex.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: ct);
        if (row.HasValue) Interlocked.Exchange(ref _offsetTicks, row.Value!.GetInt64("Ticks") ?? 0);
    }

    /// <summary>Moves court time forward to <paramref name="to"/>; court time never goes back.</summary>
    public async Task MoveToAsync(DateTimeOffset to, CancellationToken ct)
    {
        var offset = to - System.GetUtcNow();
        if (offset < Offset) throw new ArgumentOutOfRangeException(nameof(to), "Court time only moves forward.");
        await storage.CaseIndex.UpsertEntityAsync(new TableEntity(Partition, Row) { ["Ticks"] = offset.Ticks }, TableUpdateMode.Replace,
            ct);
        Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
    }

    /// <summary>Reads the stored offset before the durable worker and the routes start.</summary>
    public sealed class Loader(LocalCourtClock clock) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => clock.LoadAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
