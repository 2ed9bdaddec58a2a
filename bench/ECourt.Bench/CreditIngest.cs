using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using ECourt.Adapters.Storage;
using ECourt.Functions.Banking;
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
            var outcome = await handler.HandleAsync(message, new RecordedSettlement(), host.Client, default);
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
        await handler.HandleAsync(Message(full.GetProperty("feeNotice").GetProperty("accountNumber").GetString()!, "FULL1", "2300.00"), new RecordedSettlement(), host.Client, default);
        while ((await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal(payer, "party"))).Json.GetProperty("status").GetString() != "Accepted")
            await Task.Delay(5);
        var toAccepted = acceptedClock.Elapsed.TotalMilliseconds;

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
        Console.WriteLine(sb.ToString());
    }

    private static ServiceBusReceivedMessage Message(string account, string transactionId, string amount) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString($$"""
            {"messageType":"credit","bankCode":"ICBC","bankTransactionId":"{{transactionId}}","accountNumber":"{{account}}","amount":"{{amount}}",
             "currency":"CNY","payerName":"刘志强","channel":"mobile","valueDate":"2098-11-27","bookedAt":"2098-11-27T10:00:00+08:00"}
            """), messageId: $"ICBC:{transactionId}", deliveryCount: 1, lockTokenGuid: Guid.NewGuid());

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
