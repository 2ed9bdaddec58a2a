using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Enforcement;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using ECourt.Functions.Enforcement;
using ECourt.Functions.Messaging;
using ECourt.Functions.Payments;
using ECourt.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Bench;

/// <summary>
/// Issue 19: an asset inquiry fanned out to B banks for N enforcement cases, the N × B answers delivered as bank-replies messages
/// through the court's handler (each read against its schema, applied to its case once, committed, and signalled to the case's
/// lifecycle), at a fixed concurrency, the clock stopped when every inquiry is closed. Baseline in the same run, on the same
/// in-memory durable engine: N trivial orchestrations each waiting for B external events, the same N × B events raised with the
/// client at the same concurrency. Second baseline: another N cases' replies through the same handler with the lifecycle signal
/// skipped (the bench's own messaging drops it), what the replies' table work costs alone.
/// </summary>
public static class InquiryFanOut
{
    public const string Trivial = "BenchAnswers";
    public const string AnswerEvent = "Answer";
    private const int Concurrency = 16;

    public static async Task RunAsync(int cases, int banks)
    {
        var counter = new StorageRequestCounter();
        var bank = new TestBank();
        var warnings = new WarningTally();
        var codes = Enumerable.Range(1, banks).Select(i => $"BK{i:D2}").ToList();
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, s =>
        {
            s.AddSingleton(counter);
            s.AddSingleton<ILoggerProvider>(warnings);
            s.AddSingleton<IBankRequestSender>(bank);
            // The benchmark's banks, BK01…BKnn, as the whole list.
            s.PostConfigure<EnforcementOptions>(o => o.Banks = codes);
            s.AddSingleton<ReplySignalGate>();
            s.AddSingleton<IDurableMessaging>(sp => sp.GetRequiredService<ReplySignalGate>());
            // The baseline's orchestration, in this host only: it waits for its answers and completes after the last.
            s.Configure<DurableTaskRegistry>(Options.DefaultName, r => r.AddOrchestratorFunc<int, int>(Trivial, async (context, count) =>
            {
                for (var i = 0; i < count; i++) await context.WaitForExternalEvent<int>(AnswerEvent);
                return count;
            }));
        });
        host.CheckAnswers = false;
        await host.Storage.EnsureCreatedAsync();
        await host.RegisterEnforcementStaffAsync();
        var policyBanks = host.Services.GetRequiredService<IOptions<EnforcementOptions>>().Value.Policy().Banks;

        // Two sets of N enforcement cases, opened as a creditor opens them and each with its inquiry started by the officer.
        var opening = Stopwatch.StartNew();
        var ids = new string[2 * cases];
        await Parallel.ForEachAsync(Enumerable.Range(0, 2 * cases), Parallel16, async (i, _) =>
            ids[i] = await host.EnforcingAsync(await host.EffectiveAsync()));
        opening.Stop();
        await QuietAsync(counter);
        var starting = Stopwatch.StartNew();
        await Parallel.ForEachAsync(ids, Parallel16, async (id, _) =>
        {
            var r = await host.PostJsonAsync($"/api/enforcement/{id}/inquiries", EnforcementSteps.Officer, new { });
            if (r.Status != 201) throw new InvalidOperationException($"Inquiry of {id}: {r}");
        });
        starting.Stop();
        var requests = bank.Sent.Where(r => r.Kind == BankRequestKind.AssetInquiry).DistinctBy(r => r.RequestId)
            .ToLookup(r => r.CaseId);
        if (ids.Any(id => requests[id].Count() != policyBanks.Count))
            throw new InvalidOperationException("A case did not send one inquiry to every configured bank.");
        var measured = Replies(host, ids[..cases], requests, policyBanks);
        var unsignalled = Replies(host, ids[cases..], requests, policyBanks);
        var idle = await QuietAsync(counter);

        var trivial = await TrivialAsync(host, cases, policyBanks.Count);
        await QuietAsync(counter);
        var gate = host.Services.GetRequiredService<ReplySignalGate>();
        var warned = warnings.Take();
        var full = await DeliverAsync(host, counter, measured, waitForLifecycles: true);
        var warnedInReplies = warnings.Take();
        gate.SkipReplySignals = true;
        var alone = await DeliverAsync(host, counter, unsignalled, waitForLifecycles: false);
        gate.SkipReplySignals = false;
        await CheckClosedAsync(host, ids, policyBanks.Count);
        var round = await LifecycleReadAsync(host, ids[..cases]);
        await QuietAsync(counter);
        var signalsAlone = await SignalsAloneAsync(host, counter, ids[..cases], policyBanks.Count);
        var snapshot = await host.Storage.Cases.GetEntityAsync<TableEntity>(ids[0], "case");
        var snapshotKiB = snapshot.Value.Select(p => p.Value).OfType<string>().Sum(v => v.Length) * 2 / 1024.0;
        await QuietAsync(counter);
        var inserts = await InsertBaselineAsync(Math.Min(cases * policyBanks.Count, 5000));
        var bigReads = await PointReadsAsync(host.Storage.Cases, ids.Select(id => (id, "case")).ToList(), 4000);
        var smallTable = (await Azurite.NewStorageAsync()).Tables.GetTableClient(host.Storage.Names.Cases + "Small");
        await smallTable.CreateIfNotExistsAsync();
        var small = Enumerable.Range(0, 200).Select(i => ($"s{i:D3}", "case")).ToList();
        foreach (var (pk, rk) in small) await smallTable.AddEntityAsync(new TableEntity(pk, rk) { ["Json"] = new string('x', 6000) });
        var smallReads = await PointReadsAsync(smallTable, small, 4000);
        var rows = 0;
        await foreach (var _ in host.Storage.Cases.QueryAsync<TableEntity>(select: ["PartitionKey"])) rows++;

        var n = cases * policyBanks.Count;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| measure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(c, $"| inquiries | {cases} cases × {policyBanks.Count} banks = {n} replies at concurrency {Concurrency}, "
            + $"{Machine.Describe()} |");
        sb.AppendLine(c, $"| not timed: {2 * cases} enforcement cases opened through the apply route | {opening.Elapsed.TotalSeconds:F1} s "
            + $"({2 * cases / opening.Elapsed.TotalSeconds:F1}/s) |");
        sb.AppendLine(c, $"| not timed: {2 * cases} inquiries started through the officer's route ({policyBanks.Count} requests each) | "
            + $"{starting.Elapsed.TotalSeconds:F1} s ({2 * cases / starting.Elapsed.TotalSeconds:F1}/s) |");
        sb.AppendLine(c, $"| baseline: events raised/s on {cases} trivial orchestrations | {n / trivial.Raised.TotalSeconds:F0} |");
        sb.AppendLine(c, $"| baseline: trivial instances completed/s | {cases / trivial.Completed.TotalSeconds:F1} |");
        sb.AppendLine(c, $"| baseline: raise p50 / p99 | {trivial.P50:F1} ms / {trivial.P99:F1} ms |");
        sb.AppendLine(c, $"| baseline: the benchmark process's CPU per event | {trivial.Cpu.TotalMilliseconds / n:F2} ms |");
        sb.AppendLine(c, $"| storage baseline: single-entity inserts/s (600 bytes) | {inserts:F0} |");
        sb.AppendLine(c, $"| replies applied/s | {n / full.Elapsed.TotalSeconds:F0} |");
        sb.AppendLine(c, $"| **inquiries completed/s** (until the last reply closed the last inquiry) | "
            + $"**{cases / full.Elapsed.TotalSeconds:F1}** |");
        sb.AppendLine(c, $"| **ratio inquiries completed/s ÷ trivial instances completed/s** | "
            + $"**{trivial.Completed.TotalSeconds / full.Elapsed.TotalSeconds:F2}** |");
        sb.AppendLine(c, $"| inquiries/s until the lifecycles had read every signal | {cases / full.Drained.TotalSeconds:F1} |");
        sb.AppendLine(c, $"| reply latency (handler) p50 / p99 | {full.P50:F1} ms / {full.P99:F1} ms |");
        sb.AppendLine(c, $"| storage calls per reply: while replies ran / until the lifecycles were done | {full.Calls / n:F2} / "
            + $"{full.CallsDrained / n:F2} |");
        sb.AppendLine(c, $"| the benchmark process's CPU per reply, until the lifecycles were done | "
            + $"{full.Cpu.TotalMilliseconds / n:F2} ms |");
        sb.AppendLine(c, $"| Azurite's CPU per reply, until the lifecycles were done; its share of the wall time | "
            + $"{full.Azurite.TotalMilliseconds / n:F2} ms; {full.Azurite / full.Drained:P0} |");
        sb.AppendLine(c, $"| second baseline: the same replies of {cases} other cases, signal skipped: replies/s | "
            + $"{n / alone.Elapsed.TotalSeconds:F0} |");
        sb.AppendLine(c, $"| second baseline: inquiries completed/s | {cases / alone.Elapsed.TotalSeconds:F1} |");
        sb.AppendLine(c, $"| second baseline: reply latency p50 / p99 | {alone.P50:F1} ms / {alone.P99:F1} ms |");
        sb.AppendLine(c, $"| second baseline: storage calls per reply | {alone.Calls / n:F2} |");
        sb.AppendLine(c, $"| storage-bound reply rate (inserts/s ÷ storage calls per reply, signal skipped) | "
            + $"{inserts / (alone.Calls / n):F0} |");
        sb.AppendLine(c, $"| an enforcement case's snapshot row after its inquiry (UTF-16 in the table) | {snapshotKiB:F1} KiB |");
        sb.AppendLine(c, $"| second baseline: the benchmark process's CPU per reply | {alone.Cpu.TotalMilliseconds / n:F2} ms |");
        sb.AppendLine(c, $"| second baseline: Azurite's CPU per reply; its share of the wall time | "
            + $"{alone.Azurite.TotalMilliseconds / n:F2} ms; {alone.Azurite / alone.Elapsed:P0} |");
        sb.AppendLine(c, $"| ratio inquiries completed/s ÷ second baseline | "
            + $"{alone.Elapsed.TotalSeconds / full.Elapsed.TotalSeconds:F2} |");
        sb.AppendLine(c, $"| third measure: the same number of signals alone, to the same {cases} cases' lifecycles (no reply): "
            + $"signals/s, until the lifecycles were done | {n / signalsAlone.Elapsed.TotalSeconds:F0}, "
            + $"{n / signalsAlone.Drained.TotalSeconds:F0} |");
        sb.AppendLine(c, $"| third measure: signal latency p50 / p99; lifecycle reads of the case per signal; CPU per signal | "
            + $"{signalsAlone.P50:F1} ms / {signalsAlone.P99:F1} ms; {signalsAlone.CallsDrained / n:F2}; "
            + $"{signalsAlone.Cpu.TotalMilliseconds / n:F2} ms (Azurite {signalsAlone.Azurite.TotalMilliseconds / n:F2} ms) |");
        sb.AppendLine(c, $"| the lifecycle's activity (ReadCaseProgress: read the case, compute its next deadline), one at a time: "
            + $"wall p50, CPU per call | {round.WallP50:F1} ms, {round.Cpu:F2} ms |");
        sb.AppendLine(c, $"| of which computing the next deadline on the case in memory (CaseProgress.Of), CPU per call | "
            + $"{round.DomainCpu:F2} ms |");
        sb.AppendLine(c, $"| point reads/s of the cases' snapshots ({rows} rows in their table) and Azurite's CPU per read | "
            + $"{bigReads.Rate:F0}, {bigReads.AzuriteMs:F2} ms |");
        sb.AppendLine(c, $"| point reads/s of 12 KiB rows in a table of 200 and Azurite's CPU per read | "
            + $"{smallReads.Rate:F0}, {smallReads.AzuriteMs:F2} ms |");
        sb.AppendLine(c, $"| idle storage calls/s (the judgment index queue's poll) | {idle.IdlePerSecond:F1} |");
        foreach (var (what, count) in warnedInReplies.OrderByDescending(w => w.Value))
            sb.AppendLine(c, $"| warnings logged while the replies ran and the lifecycles caught up: {what} | {count} |");
        foreach (var (what, count) in warned.OrderByDescending(w => w.Value))
            sb.AppendLine(c, $"| warnings logged before (opening, inquiries, baseline): {what} | {count} |");
        Console.WriteLine(sb.ToString());
    }

    private static readonly ParallelOptions Parallel16 = new() { MaxDegreeOfParallelism = Concurrency };

    /// <summary>
    /// Every bank's answer to every case's inquiry, as the JSON a bank sends, bank by bank: each bank answers its whole batch of
    /// inquiries in turn, so replies in flight together are for different cases. The first bank finds one account, the others none.
    /// </summary>
    private static List<byte[]> Replies(CourtTestHost host, string[] ids, ILookup<string, BankRequest> requests,
        IReadOnlyList<string> banks)
    {
        var answeredAt = host.AnsweredAt();
        return [.. banks.SelectMany((code, b) => ids.Select(id => requests[id].Single(r => r.BankCode == code)).Select(r =>
            JsonSerializer.SerializeToUtf8Bytes(new
            {
                messageType = "asset-inquiry-result",
                requestId = r.RequestId,
                bankCode = r.BankCode,
                outcome = "answered",
                answeredAt,
                accounts = b == 0
                    ? new object[] { new { partyNumber = 2, accountNumber = "6222020200112233445", accountKind = "deposit",
                        balance = "150000.00" } }
                    : [],
            })))];
    }

    private sealed record Delivered(TimeSpan Elapsed, TimeSpan Drained, double P50, double P99, double Calls, double CallsDrained,
        TimeSpan Cpu, TimeSpan Azurite);

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static async Task<Delivered> DeliverAsync(CourtTestHost host, StorageRequestCounter counter, List<byte[]> replies,
        bool waitForLifecycles)
    {
        var delivery = host.Services.GetRequiredService<BankMessageDelivery>();
        var handler = delivery.HandlerOf(BankReplyHandler.QueueName)!;
        var latencies = new double[replies.Count];
        var before = counter.Count;
        var cpu = Cpu();
        var azurite = AzuriteCpu.Now();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, replies.Count), Parallel16, async (i, ct) =>
        {
            var at = Stopwatch.GetTimestamp();
            var outcome = await delivery.DeliverAsync(handler, replies[i], null, ct);
            latencies[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            if (outcome != new BankMessageOutcome(BankSettlement.Completed, null))
                throw new InvalidOperationException($"Reply {i} not applied: {outcome}");
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var calls = counter.Count - before;
        var cpuUsed = Cpu() - cpu;
        var azuriteUsed = AzuriteCpu.Now() - azurite;
        var drained = elapsed;
        var callsDrained = calls;
        if (waitForLifecycles)
        {
            // The lifecycles read the case again for each signal they took: storage goes quiet when they have read the last.
            var quiet = await QuietAsync(counter);
            var lastBusy = Stopwatch.GetElapsedTime(started, quiet.LastBusy);
            drained = lastBusy > elapsed ? lastBusy : elapsed;
            callsDrained = Math.Max(calls, quiet.CountAtLastBusy - before);
            // With the 2 quiet seconds that end the wait, in which the process does next to nothing.
            cpuUsed = Cpu() - cpu;
            azuriteUsed = AzuriteCpu.Now() - azurite;
        }
        Array.Sort(latencies);
        return new Delivered(elapsed, drained, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], calls,
            callsDrained, cpuUsed, azuriteUsed);
    }

    private sealed record TrivialRun(TimeSpan Raised, TimeSpan Completed, double P50, double P99, TimeSpan Cpu);

    /// <summary>
    /// N instances of the trivial orchestration, each waiting for B answers; once all run, the N × B events raised in the order the
    /// replies come (every instance's first answer, then every second…) while a waiter follows the instances' completions.
    /// </summary>
    private static async Task<TrivialRun> TrivialAsync(CourtTestHost host, int instances, int answers)
    {
        var client = host.Client;
        var ids = Enumerable.Range(0, instances).Select(i => $"bench-answers-{i:D5}").ToArray();
        await Parallel.ForEachAsync(ids, Parallel16, async (id, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(Trivial, answers, new StartOrchestrationOptions(id), ct));
        await Parallel.ForEachAsync(ids, Parallel16, async (id, ct) =>
        {
            while ((await client.GetInstanceAsync(id, false, ct))?.RuntimeStatus != OrchestrationRuntimeStatus.Running)
                await Task.Delay(20, ct);
        });
        var events = Enumerable.Range(0, answers).SelectMany(b => ids.Select(id => (Id: id, Answer: b))).ToList();
        var latencies = new double[events.Count];
        var cpu = Cpu();
        var started = Stopwatch.GetTimestamp();
        var completed = Task.Run(async () =>
        {
            foreach (var id in ids)
            {
                var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
                if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != answers)
                    throw new InvalidOperationException($"{id} {done.RuntimeStatus} {done.SerializedOutput}");
            }
            return Stopwatch.GetElapsedTime(started);
        });
        await Parallel.ForEachAsync(Enumerable.Range(0, events.Count), Parallel16, async (i, ct) =>
        {
            var at = Stopwatch.GetTimestamp();
            await client.RaiseEventAsync(events[i].Id, AnswerEvent, events[i].Answer, ct);
            latencies[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
        });
        var raised = Stopwatch.GetElapsedTime(started);
        var all = await completed;
        var cpuUsed = Cpu() - cpu;
        Array.Sort(latencies);
        return new TrivialRun(raised, all, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], cpuUsed);
    }

    /// <summary>Every inquiry closed with every bank's answer applied once and nothing set aside (read after the clocks stopped).</summary>
    private static async Task CheckClosedAsync(CourtTestHost host, string[] ids, int banks) =>
        await Parallel.ForEachAsync(ids, Parallel16, async (id, ct) =>
        {
            var e = (await host.Store.GetAsync(id, ct))!.Case.Enforcement!;
            var inquiry = e.Inquiries.Single();
            if (inquiry.ClosedAt is null || inquiry.Banks.Count != banks || inquiry.Banks.Any(b => b.AnsweredAt is null)
                || e.RepliesSetAside != 0)
                throw new InvalidOperationException($"Case {id}: inquiry not closed by its {banks} answers.");
        });

    /// <summary>
    /// A lifecycle's signal on its own: B signals to each of the cases' lifecycles (each case as the replies left it), raised bank by
    /// bank through the court's messaging as a reply raises it, until storage is quiet again (each round of a lifecycle reads its case).
    /// </summary>
    private static async Task<Delivered> SignalsAloneAsync(CourtTestHost host, StorageRequestCounter counter, string[] ids, int banks)
    {
        var messaging = host.Services.GetRequiredService<IDurableMessaging>();
        var signals = Enumerable.Range(0, banks).SelectMany(_ => ids).ToList();
        var latencies = new double[signals.Count];
        var before = counter.Count;
        var cpu = Cpu();
        var azurite = AzuriteCpu.Now();
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(Enumerable.Range(0, signals.Count), Parallel16, async (i, ct) =>
        {
            var at = Stopwatch.GetTimestamp();
            await messaging.SendAsync(new CaseChanged(signals[i], 0, "BenchSignal"), ct);
            latencies[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
        });
        var elapsed = Stopwatch.GetElapsedTime(started);
        var quiet = await QuietAsync(counter);
        var lastBusy = Stopwatch.GetElapsedTime(started, quiet.LastBusy);
        var cpuUsed = Cpu() - cpu;
        Array.Sort(latencies);
        return new Delivered(elapsed, lastBusy > elapsed ? lastBusy : elapsed, latencies[latencies.Length / 2],
            latencies[(int)(latencies.Length * 0.99)], counter.Count - before, quiet.CountAtLastBusy - before, cpuUsed,
            AzuriteCpu.Now() - azurite);
    }

    /// <summary>Single-entity inserts at the same concurrency into the same Azurite: what a storage call costs it at least.</summary>
    private static async Task<double> InsertBaselineAsync(int inserts)
    {
        var storage = await Azurite.NewStorageAsync();
        var table = storage.Tables.GetTableClient(storage.Names.Cases + "Baseline");
        await table.CreateIfNotExistsAsync();
        for (var i = 0; i < 100; i++) await table.AddEntityAsync(new TableEntity($"w{i}", "e") { ["Json"] = new string('x', 600) });
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, inserts), Parallel16,
            async (i, ct) => await table.AddEntityAsync(new TableEntity($"p{i % 1000}", $"e{i}") { ["Json"] = new string('x', 600) }, ct));
        return inserts / clock.Elapsed.TotalSeconds;
    }

    private sealed record Reads(double Rate, double AzuriteMs);

    /// <summary>Point reads of the given rows, round the list, at the benchmark's concurrency: rate and Azurite's CPU per read.</summary>
    private static async Task<Reads> PointReadsAsync(TableClient table, List<(string Partition, string Row)> keys, int reads)
    {
        foreach (var (pk, rk) in keys.Take(20)) await table.GetEntityAsync<TableEntity>(pk, rk);
        var azurite = AzuriteCpu.Now();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, reads), Parallel16,
            async (i, ct) => await table.GetEntityAsync<TableEntity>(keys[i % keys.Count].Partition, keys[i % keys.Count].Row, null, ct));
        return new Reads(reads / clock.Elapsed.TotalSeconds, (AzuriteCpu.Now() - azurite).TotalMilliseconds / reads);
    }

    private sealed record LifecycleRead(double WallP50, double Cpu, double DomainCpu);

    /// <summary>
    /// What one lifecycle round costs outside the engine: its activity's use case on each of the cases, one at a time (after all
    /// replies, each case holding its closed inquiry), and the deadline computation alone on the cases as read.
    /// </summary>
    private static async Task<LifecycleRead> LifecycleReadAsync(CourtTestHost host, string[] ids)
    {
        var read = host.Services.GetRequiredService<ReadCaseProgress>();
        var deadlines = host.Services.GetRequiredService<DeadlineCalculator>();
        foreach (var id in ids.Take(20)) await read.RunAsync(id);
        var walls = new double[ids.Length];
        var cpu = Cpu();
        for (var i = 0; i < ids.Length; i++)
        {
            var at = Stopwatch.GetTimestamp();
            await read.RunAsync(ids[i]);
            walls[i] = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
        }
        var cpuPer = (Cpu() - cpu).TotalMilliseconds / ids.Length;
        var cases = new List<Domain.Cases.CourtCase>();
        foreach (var id in ids) cases.Add((await host.Store.GetAsync(id))!.Case);
        var now = host.Clock.GetUtcNow();
        const int rounds = 5;
        var domain = Cpu();
        for (var r = 0; r < rounds; r++)
            foreach (var c in cases) CaseProgress.Of(c, now, deadlines);
        var domainPer = (Cpu() - domain).TotalMilliseconds / (rounds * cases.Count);
        Array.Sort(walls);
        return new LifecycleRead(walls[walls.Length / 2], cpuPer, domainPer);
    }

    private sealed record Quiet(long LastBusy, long CountAtLastBusy, double IdlePerSecond);

    /// <summary>
    /// Waits until storage is quiet (at most 3 calls in each 100 ms for 2 s: the judgment index queue's poll alone), and answers when
    /// it was last busy and the calls made by then.
    /// </summary>
    private static async Task<Quiet> QuietAsync(StorageRequestCounter counter)
    {
        var lastBusy = Stopwatch.GetTimestamp();
        var atLastBusy = counter.Count;
        var previous = atLastBusy;
        var quietPolls = 0;
        while (quietPolls < 20)
        {
            await Task.Delay(100);
            var now = counter.Count;
            if (now - previous > 3)
            {
                quietPolls = 0;
                lastBusy = Stopwatch.GetTimestamp();
                atLastBusy = now;
            }
            else
            {
                quietPolls++;
            }
            previous = now;
        }
        return new Quiet(lastBusy, atLastBusy, (counter.Count - atLastBusy) / Stopwatch.GetElapsedTime(lastBusy).TotalSeconds);
    }
}

/// <summary>
/// The court's durable messaging (to the in-memory engine, as in the tests), except that while <see cref="SkipReplySignals"/> is set a
/// bank reply's signal to its case's lifecycle is dropped: the second baseline, the replies' table work without the event.
/// </summary>
public sealed class ReplySignalGate(ClientDurableMessaging inner) : IDurableMessaging
{
    private volatile bool _skip;

    public bool SkipReplySignals
    {
        get => _skip;
        set => _skip = value;
    }

    public Task SendAsync(DurableMessage message, CancellationToken ct = default) =>
        _skip && message is CaseChanged { Action: "BankReply" } ? Task.CompletedTask : inner.SendAsync(message, ct);
}

/// <summary>Counts the warnings the court logs, by category and message (its first words), so a run shows what went astray.</summary>
public sealed class WarningTally : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _counts = new();

    /// <summary>The counts since the last call, and starts again.</summary>
    public Dictionary<string, int> Take()
    {
        var taken = new Dictionary<string, int>();
        foreach (var key in _counts.Keys)
            if (_counts.TryRemove(key, out var count)) taken[key] = count;
        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Category(WarningTally tally, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var message = formatter(state, exception);
            // Case ids and numbers differ from message to message: the words before the first of them say what happened.
            var words = string.Join(' ', message.Split(' ').Where(w => !w.Any(char.IsDigit)).Take(12));
            tally._counts.AddOrUpdate($"{name.Split('.').Last()}: {words}", 1, (_, n) => n + 1);
        }
    }
}

/// <summary>
/// The CPU time of the Azurite bench/run started (found by its table port in ECOURT_TEST_STORAGE), from /proc; zero where it cannot
/// be found. Azurite is one Node.js process: near one core's worth of it per second of wall time means it is the bottleneck.
/// </summary>
public static class AzuriteCpu
{
    private static readonly Lazy<string?> Stat = new(Find);

    public static TimeSpan Now()
    {
        if (Stat.Value is not { } path || !File.Exists(path)) return TimeSpan.Zero;
        // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second).
        var fields = File.ReadAllText(path).Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture)
            + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }

    private static string? Find()
    {
        var storage = Environment.GetEnvironmentVariable("ECOURT_TEST_STORAGE") ?? "";
        var endpoint = storage.Split(';').FirstOrDefault(p => p.StartsWith("TableEndpoint=", StringComparison.Ordinal));
        if (endpoint is null || !Uri.TryCreate(endpoint["TableEndpoint=".Length..], UriKind.Absolute, out var uri)) return null;
        var port = uri.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(args, "--tablePort");
                if (args.Any(a => a.Contains("azurite", StringComparison.Ordinal)) && at >= 0 && at + 1 < args.Length
                    && args[at + 1] == port)
                    return Path.Combine(dir, "stat");
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }
}
