using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// A case can wait months in a state without a deadline (fee aid pending before a judge); its lifecycle rechecks it on
/// an interval, and each round continues as new, so its history stays a few events long however many rounds pass.
/// </summary>
[Collection(PersistentEngineCollection.Name)]
public class LifecycleHistoryTests
{
    /// <summary>Counts the reads of one case: each lifecycle round reads it once.</summary>
    private sealed class CountingStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        private int _reads;

        public string? CaseId { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        public override Task<StoredCase?> GetAsync(string caseId, CancellationToken ct = default)
        {
            if (caseId == CaseId) Interlocked.Increment(ref _reads);
            return base.GetAsync(caseId, ct);
        }
    }

    /// <summary>
    /// The events of the instance's current execution in the engine's history table, as the Azure Storage provider keeps
    /// them: rows of earlier executions that a shorter one did not overwrite are ignored by the provider, and here too.
    /// </summary>
    internal static async Task<int> StoredHistoryAsync(string taskHub, string instanceId)
    {
        var table = new Azure.Data.Tables.TableClient(Azurite.ConnectionString, taskHub + "History");
        var rows = new List<Azure.Data.Tables.TableEntity>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == instanceId)) rows.Add(row);
        var execution = rows.SingleOrDefault(r => r.RowKey == "sentinel")?.GetString("ExecutionId");
        return rows.Count(r => r.RowKey != "sentinel" && r.GetString("ExecutionId") == execution);
    }

    [Fact]
    public async Task FeeAidPending_ManyRecheckRounds_HistoryStaysAFewEventsLong_RecheckIntervalIsASetting()
    {
        var taskHub = "H" + Guid.NewGuid().ToString("N")[..16];
        await using var host = await CourtTestHost.StartOnAzureStorageAsync(CourtTestHost.Future, taskHub, Azurite.NewPrefix(), configure:
            services => services.AddSingleton<ICaseStore>(sp =>
                new CountingStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))),
            settings: new Dictionary<string, string?> { ["ECourt:Lifecycle:RecheckWithoutDeadline"] = "00:00:00.2" });
        var body = Filings.Property("user-liu");
        body["feeAid"] = new { kind = "reduce", reasons = new[] { "家庭经济困难" } };
        var caseId = await host.SubmittedAsync("user-liu", body);
        Assert.Equal("FeeAidPending", (await host.ReviewAsync(caseId, "accept")).Json.GetProperty("status").GetString());
        await host.WaitForCustomStatusAsync(caseId, s => s.Status == "FeeAidPending");

        var store = (CountingStore)host.Store;
        store.CaseId = caseId;
        // One execution's rows: its events (started; progress read scheduled and completed; timer created and fired; continued
        // as new), the engine's markers around each episode, and the instance's sentinel row; never more as rounds pass.
        foreach (var rounds in new[] { 10, 25 })
        {
            var end = DateTime.UtcNow.AddSeconds(CourtSteps.Patience);
            while (store.Reads < rounds && DateTime.UtcNow < end) await Task.Delay(100);
            Assert.True(store.Reads >= rounds,
                $"the lifecycle read the case {store.Reads} times in {CourtSteps.Patience} s, at a recheck of 200 ms");
            Assert.InRange(await StoredHistoryAsync(taskHub, CaseLifecycle.InstanceId(caseId)), 1, 20);
        }
        Assert.Equal(CaseStatus.FeeAidPending, (await host.Store.GetAsync(caseId))!.Case.Status);
    }
}
