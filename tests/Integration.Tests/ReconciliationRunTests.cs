using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;
using ECourt.Functions.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>Runs of one bank's day take turns: concurrent reruns and crashed runs leave one result and no stray lines.</summary>
public partial class ReconciliationTests
{
    private static readonly DateOnly Day = new(2098, 11, 27);

    private static (string Tx, string Account, decimal Amount)[] Entries(int count) =>
        Enumerable.Range(1, count).Select(i => ($"R{i:D4}", Unknown, 10.00m + i)).ToArray();

    /// <summary>Every row of the day's partition, by kind: the summary, the claim, and lines by run id.</summary>
    private static async Task<(int Summaries, int Claims, Dictionary<string, int> LinesByRun)> RowsAsync(CourtTestHost host, string bank)
    {
        var table = host.Services.GetRequiredService<StorageClients>().Reconciliations;
        var (summaries, claims, lines) = (0, 0, new Dictionary<string, int>());
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {bank + "|20981127"}");
        await foreach (var row in table.QueryAsync<TableEntity>(partition, select: ["RowKey"]))
        {
            var parts = row.RowKey.Split('|');
            if (row.RowKey == "summary") summaries++;
            else if (row.RowKey == "claim") claims++;
            else lines[parts[1]] = lines.GetValueOrDefault(parts[1]) + 1;
        }
        return (summaries, claims, lines);
    }

    [Fact]
    public async Task ConcurrentRerunsAndARedelivery_AllAnswered_OneResult_NoLinesLeftBehind()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Statement("ICBC", "2098-11-27", Entries(250));
        Assert.Equal(BankSettlement.Completed, (await StatementAsync(host, body)).Outcome.Outcome);

        var reruns = Enumerable.Range(0, 4)
            .Select(_ => host.PostJsonAsync("/api/reconciliation/ICBC/2098-11-27/rerun", Finance, new { })).ToList();
        var redelivery = StatementAsync(host, body);
        foreach (var rerun in reruns)
        {
            var answer = await rerun;
            Assert.True(answer.Status == 200, answer.ToString());
        }
        Assert.Equal(BankSettlement.Completed, (await redelivery).Outcome.Outcome);

        var summary = await host.Services.GetRequiredService<IReconciliationStore>().GetAsync("ICBC", Day);
        Assert.Equal(250, summary!.Entries);
        var (summaries, claims, lines) = await RowsAsync(host, "ICBC");
        Assert.Equal(1, summaries);
        Assert.Equal(0, claims);
        Assert.Equal(summary.RunId, Assert.Single(lines).Key);
        Assert.Equal(250, lines[summary.RunId]);
    }

    [Fact]
    public async Task RunCrashesAfterItsLines_EarlierResultStays_DayHeldUntilTheClaimLapses_NextRunRemovesWhatItLeft()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var store = host.Services.GetRequiredService<IReconciliationStore>();
        Assert.Equal(BankSettlement.Completed, (await StatementAsync(host, Statement("ICBC", "2098-11-27", Entries(150)))).Outcome.Outcome);
        var before = await store.GetAsync("ICBC", Day);

        // A run claims the day and writes 120 lines, then its host dies before it completes.
        var now = host.Clock.GetUtcNow();
        var crashed = await store.BeginAsync("ICBC", Day, now, now + ReconcileStatement.ClaimLapsesAfter);
        Assert.NotNull(crashed);
        await store.WriteLinesAsync(crashed, Enumerable.Range(1, 120)
            .Select(i => new ReconciliationLine(ReconciliationKind.MissingFromLedger, $"X{i:D4}", null, null)).ToList());

        Assert.Equal(before, await store.GetAsync("ICBC", Day));
        var read = await host.GetAsync("/api/reconciliation/ICBC/2098-11-27", Finance);
        Assert.Equal(150, read.Json.GetProperty("entries").GetInt32());
        Assert.Null(await store.BeginAsync("ICBC", Day, now.AddMinutes(1), now.AddMinutes(3)));

        host.Clock.SetUtcNow(now + ReconcileStatement.ClaimLapsesAfter + TimeSpan.FromSeconds(1));
        var rerun = await host.PostJsonAsync("/api/reconciliation/ICBC/2098-11-27/rerun", Finance, new { });
        Assert.Equal(200, rerun.Status);
        Assert.Equal(150, rerun.Json.GetProperty("entries").GetInt32());
        var after = await store.GetAsync("ICBC", Day);
        var (summaries, claims, lines) = await RowsAsync(host, "ICBC");
        Assert.Equal((1, 0), (summaries, claims));
        Assert.Equal(after!.RunId, Assert.Single(lines).Key);
        Assert.Equal(150, lines[after.RunId]);
        // The crashed run, if its host came back, can no longer make its lines the result.
        Assert.False(await store.CompleteAsync(crashed, before! with { RunId = crashed.RunId }));
        Assert.Equal(after, await store.GetAsync("ICBC", Day));
    }

    [Fact]
    public async Task ClaimTakenOverAfterItLapsed_TheSlowRunCannotComplete_TheNewOneDoes()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var store = host.Services.GetRequiredService<IReconciliationStore>();
        var now = host.Clock.GetUtcNow();
        var slow = await store.BeginAsync("CCB", Day, now, now.AddMinutes(5));
        var fresh = await store.BeginAsync("CCB", Day, now.AddMinutes(6), now.AddMinutes(11));
        Assert.NotNull(slow);
        Assert.NotNull(fresh);
        await store.WriteLinesAsync(slow, [new ReconciliationLine(ReconciliationKind.MissingFromLedger, "S1", null, null)]);
        var report = new ReconciliationReport("CCB", Day, [], 0m, 0m);
        Assert.False(await store.CompleteAsync(slow, ReconciliationSummary.Of(report, now, slow.RunId)));
        // A run that can never become the result takes its lines with it.
        Assert.Empty((await RowsAsync(host, "CCB")).LinesByRun);
        Assert.True(await store.CompleteAsync(fresh, ReconciliationSummary.Of(report, now, fresh.RunId)));
        Assert.Equal(fresh.RunId, (await store.GetAsync("CCB", Day))!.RunId);
    }
}
