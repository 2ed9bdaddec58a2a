using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using ECourt.Adapters.Storage;
using ECourt.Application.Payments;
using ECourt.Domain.Payments;
using ECourt.Functions.Payments;
using ECourt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Bench;

/// <summary>
/// Credit ingest: N bank-credit messages spread over a thousand registered cases, through the handler
/// (schema, rules, account lookup, ledger transaction, signal, settlement) against Azurite at a given
/// concurrency; baseline: single-entity inserts into the same Azurite at the same concurrency.
/// </summary>
public static class CreditIngest
{
    public static async Task RunAsync(int credits, int cases, int concurrency)
    {
        var counter = new StorageRequestCounter();
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, s => s.AddSingleton(counter));
        await host.Storage.EnsureCreatedAsync();
        var accounts = new string[cases];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var filer = $"payer-{i}";
            accounts[i] = (await host.RegisteredAsync(filer, Filings.Property(filer))).GetProperty("feeNotice").GetProperty("accountNumber").GetString()!;
        });
        var baseline = await BaselineAsync(credits, concurrency);

        var handler = host.Services.GetRequiredService<BankCreditHandler>();
        var latencies = new double[credits];
        var before = counter.Count;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, credits), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            // 100.00 at a time: ten credits never settle a 2,300.00 fee, so every credit is the same work.
            var message = Message(accounts[i % cases], $"I{i:D6}", "100.00");
            var started = Stopwatch.GetTimestamp();
            var outcome = await handler.HandleAsync(message, new RecordedSettlement(), default);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome.Outcome != BankSettlement.Completed) throw new InvalidOperationException(outcome.Reason);
        });
        clock.Stop();
        var requests = (double)(counter.Count - before) / credits;
        var rate = credits / clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);

        // Time from a full-fee credit to the case showing Accepted.
        var payer = "payer-full";
        var full = await host.RegisteredAsync(payer, Filings.Property(payer));
        var caseId = full.GetProperty("caseId").GetString()!;
        var acceptedClock = Stopwatch.StartNew();
        await handler.HandleAsync(Message(full.GetProperty("feeNotice").GetProperty("accountNumber").GetString()!, "FULL1", "2300.00"), new RecordedSettlement(), default);
        while ((await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal(payer, "party"))).Json.GetProperty("status").GetString() != "Accepted")
            await Task.Delay(5);
        var toAccepted = acceptedClock.Elapsed.TotalMilliseconds;

        // Reconciling the day: a statement of every credit above against the funds register.
        var entries = Enumerable.Range(0, credits).Select(i => new StatementEntry($"I{i:D6}", accounts[i % cases], 100.00m, BookedAt))
            .Append(new StatementEntry("FULL1", full.GetProperty("feeNotice").GetProperty("accountNumber").GetString()!, 2300.00m, BookedAt)).ToList();
        var statement = new BankStatement("ICBC", new DateOnly(2098, 11, 27), entries, entries.Count, entries.Sum(e => e.Amount));
        var reconcileBefore = counter.Count;
        var reconcileClock = Stopwatch.StartNew();
        var report = await host.Services.GetRequiredService<ReconcileStatement>().RunAsync(statement, default);
        reconcileClock.Stop();
        if (!report.Balanced) throw new InvalidOperationException("The benchmark's own statement does not reconcile.");
        var reconcileRequests = counter.Count - reconcileBefore;
        var batchBaseline = await BatchBaselineAsync(entries.Count);

        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| measure | value | target |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine(c, $"| credits | {credits} over {cases} cases at concurrency {concurrency}, {Machine.Describe()} | |");
        sb.AppendLine(c, $"| baseline: single-entity inserts/s | {baseline:F0} | |");
        sb.AppendLine(c, $"| credits/s | {rate:F1} | |");
        sb.AppendLine(c, $"| storage round trips per credit (a signal to the durable engine only for a credit that settles the fee) | {requests:F2} | ≤ 3 with the signal |");
        sb.AppendLine(c, $"| ratio credits/s ÷ (baseline ÷ storage round trips) | {rate / (baseline / requests):F2} | ≥ 0.80 |");
        sb.AppendLine(c, $"| latency, handling start to settled (ledger committed) p50 / p99 | {latencies[credits / 2]:F1} ms / {latencies[(int)(credits * 0.99)]:F1} ms | |");
        sb.AppendLine(c, $"| full-fee credit to the case reading Accepted | {toAccepted:F0} ms | < 5 s |");
        sb.AppendLine(c, $"| reconcile a statement of {entries.Count} credits (read the day's register, compare, store every line) | {reconcileClock.Elapsed.TotalSeconds:F2} s, {reconcileRequests} storage calls | |");
        sb.AppendLine(c, $"| baseline: write {entries.Count} rows in transactions of 100 | {batchBaseline:F2} s | |");
        sb.AppendLine(c, $"| ratio reconciliation ÷ baseline | {reconcileClock.Elapsed.TotalSeconds / batchBaseline:F2} | |");
        Console.WriteLine(sb.ToString());
    }

    private static ServiceBusReceivedMessage Message(string account, string transactionId, string amount) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString($$"""
            {"messageType":"credit","bankCode":"ICBC","bankTransactionId":"{{transactionId}}","accountNumber":"{{account}}","amount":"{{amount}}",
             "currency":"CNY","payerName":"刘志强","channel":"mobile","valueDate":"2098-11-27","bookedAt":"2098-11-27T10:00:00+08:00"}
            """), messageId: $"ICBC:{transactionId}", deliveryCount: 1, lockTokenGuid: Guid.NewGuid());

    private static readonly DateTimeOffset BookedAt = DateTimeOffset.Parse("2098-11-27T10:00:00+08:00", CultureInfo.InvariantCulture);

    /// <summary>Seconds to write the rows in entity-group transactions of 100, one after another: what storing a reconciliation's lines costs at least.</summary>
    private static async Task<double> BatchBaselineAsync(int rows)
    {
        var storage = await Azurite.NewStorageAsync();
        var table = storage.Tables.GetTableClient(storage.Names.Cases + "Batches");
        await table.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        foreach (var batch in Enumerable.Range(0, rows).Chunk(100))
            await table.SubmitTransactionAsync(batch.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("day", $"line{i:D6}") { ["Json"] = new string('x', 300) })));
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> BaselineAsync(int inserts, int concurrency)
    {
        var storage = await Azurite.NewStorageAsync();
        var table = storage.Tables.GetTableClient(storage.Names.Cases + "Baseline");
        await table.CreateIfNotExistsAsync();
        for (var i = 0; i < 200; i++) await table.AddEntityAsync(new TableEntity($"w{i}", "e") { ["Json"] = new string('x', 600) });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, inserts), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => await table.AddEntityAsync(new TableEntity($"p{i % 1000}", $"e{i}") { ["Json"] = new string('x', 600) }));
        return inserts / clock.Elapsed.TotalSeconds;
    }
}
