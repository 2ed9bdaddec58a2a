using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.Calendar;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Calendar;
using ECourt.Domain.Documents;
using ECourt.Domain.Filing;
using ECourt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Bench;

/// <summary>
/// Filing throughput: create, upload a small complaint and submit, through the HTTP function code
/// (the local host's route table, a real DefaultHttpContext) against Azurite on the in-memory durable
/// engine. Baselines in the same run and Azurite: single-entity inserts at the same concurrency (the
/// issue's target), and the same storage calls a filing makes made straight through the adapters
/// (what the code adds on top of the storage work it must do).
/// </summary>
public static class FilingThroughput
{
    public sealed record Result(int Filings, int Concurrency, bool Keys, double BaselineInsertsPerSecond,
        double StorageOnlyFilingsPerSecond, double StorageOnlyCallsPerFiling,
        double FilingsPerSecond, double HttpFilingsPerSecond,
        double RoundTripsPerFiling, double AllocatedKiBPerFiling, double RetainedKiBPerFiling, double P50Ms, double P99Ms)
    {
        /// <summary>What the storage work alone would allow: the baseline rate divided by the round trips a filing needs.</summary>
        public double StorageBound => BaselineInsertsPerSecond / RoundTripsPerFiling;
        public double Ratio => FilingsPerSecond / StorageBound;
        public bool MeetsTargets => RoundTripsPerFiling <= 8 && Ratio >= 0.8;

        public string ToMarkdown()
        {
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.AppendLine(c, $"| measure | value | target |");
            sb.AppendLine("|---|---|---|");
            sb.AppendLine(c, $"| filings (create + upload + submit) | {Filings} at concurrency {Concurrency}, {Machine.Describe()} | |");
            sb.AppendLine(c, $"| Idempotency-Key sent on every step | {(Keys ? "yes" : "no")} | |");
            sb.AppendLine(c, $"| baseline: single-entity inserts/s | {BaselineInsertsPerSecond:F0} | |");
            sb.AppendLine(c, $"| filings/s, until every case's orchestration waits on its review deadline | {FilingsPerSecond:F1} | |");
            sb.AppendLine(c, $"| filings/s, HTTP answers only | {HttpFilingsPerSecond:F1} | |");
            sb.AppendLine(c, $"| storage round trips per filing | {RoundTripsPerFiling:F2} | ≤ 8 |");
            sb.AppendLine(c, $"| storage-bound rate (baseline ÷ round trips) | {StorageBound:F1} | |");
            sb.AppendLine(c, $"| ratio filings/s ÷ storage-bound rate | {Ratio:F2} | ≥ 0.80 |");
            sb.AppendLine(c,
                $"| second baseline: the same storage calls per filing ({StorageOnlyCallsPerFiling:F2}), straight through the adapters | "
                + $"{StorageOnlyFilingsPerSecond:F1} filings/s | |");
            sb.AppendLine(c, $"| ratio filings/s ÷ same-calls rate | {FilingsPerSecond / StorageOnlyFilingsPerSecond:F2} | |");
            sb.AppendLine(c, $"| latency per filing p50 / p99 | {P50Ms:F0} ms / {P99Ms:F0} ms | |");
            sb.AppendLine(c, $"| managed allocation per filing | {AllocatedKiBPerFiling:F0} KiB | |");
            sb.AppendLine(c, $"| managed heap retained per filing | {RetainedKiBPerFiling:F1} KiB | |");
            sb.AppendLine(c, $"| meets targets | {(MeetsTargets ? "yes" : "no")} | |");
            return sb.ToString();
        }
    }

    /// <param name="keys">every step sends an Idempotency-Key of its own (what a client that retries safely sends)</param>
    public static async Task<Result> RunAsync(int filings, int concurrency, int warmup, bool keys)
    {
        var baseline = await BaselineAsync(filings * 4, concurrency);
        var storageOnly = await StorageOnlyAsync(filings, concurrency);

        var counter = new StorageRequestCounter();
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton(counter));
        await host.Storage.EnsureCreatedAsync();
        // What a request costs the app, not what the tests' check of each answer against the API document costs.
        host.CheckAnswers = false;
        await RunFilingsAsync(host, "warmup", warmup, concurrency, keys);
        await WaitForOrchestrationsAsync(host, Filed);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var requestsBefore = counter.Count;
        var clock = Stopwatch.StartNew();
        var latencies = await RunFilingsAsync(host, "run", filings, concurrency, keys);
        var httpSeconds = clock.Elapsed.TotalSeconds;
        // A filing is done when its case's orchestration keeps the review deadline, not just when HTTP answered.
        await WaitForOrchestrationsAsync(host, Filed);
        clock.Stop();
        var requests = counter.Count - requestsBefore;
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(true);

        Array.Sort(latencies);
        return new Result(filings, concurrency, keys, baseline, storageOnly.Rate, storageOnly.Calls, filings / clock.Elapsed.TotalSeconds,
            filings / httpSeconds,
            (double)requests / filings,
            allocated / 1024.0 / filings, (heapAfter - heapBefore) / 1024.0 / filings,
            latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)]);
    }

    private static async Task WaitForOrchestrationsAsync(CourtTestHost host, IEnumerable<string> caseIds) =>
        await Parallel.ForEachAsync(caseIds, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (caseId, _) =>
            await host.WaitForCustomStatusAsync(caseId, s => s.NextDeadline == "filing-review", seconds: 600));

    private static readonly System.Collections.Concurrent.ConcurrentBag<string> Filed = [];

    private static async Task<double[]> RunFilingsAsync(CourtTestHost host, string prefix, int count, int concurrency, bool keys)
    {
        Filed.Clear();
        var latencies = new double[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i,
            _) =>
        {
            var filer = $"{prefix}-filer-{i}";
            var started = Stopwatch.GetTimestamp();
            Filed.Add(await FileAsync(host, filer, keys));
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        return latencies;
    }

    /// <summary>Create, upload the complaint, submit; with <paramref name="keys"/> each step sends its own Idempotency-Key.</summary>
    public static async Task<string> FileAsync(CourtTestHost host, string filer, bool keys)
    {
        if (!keys) return await host.SubmittedAsync(filer, Filings.Property(filer));
        var principal = CourtTestHost.Principal(filer, "party");
        var caseId = await host.CreateAsync(filer, Filings.Property(filer), filer + "-create");
        var upload = await host.UploadAsync(caseId, principal, Filings.Pdf, extra: Key(filer + "-upload"));
        if (upload.Status != 201) throw new InvalidOperationException($"upload: {upload}");
        var submit = await host.SendAsync("POST", $"/api/cases/{caseId}/submit", principal, headers: Key(filer + "-submit"));
        if (submit.Status != 200) throw new InvalidOperationException($"submit: {submit}");
        return caseId;
    }

    public static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    /// <summary>
    /// The same storage calls a filing makes, straight through the adapters: no HTTP, no JSON bodies, no durable engine. Ten since
    /// the deadline and calendar indexes: submit also writes the case's next deadline and the year its deadline depends on.
    /// </summary>
    private static async Task<(double Rate, double Calls)> StorageOnlyAsync(int filings, int concurrency)
    {
        var counter = new StorageRequestCounter();
        var storage = await Azurite.NewStorageAsync(counter);
        var calculator = new DeadlineCalculator(new CourtCalendar(PublishedCalendars.All));
        var at = CourtTestHost.Future;
        var court = new TestClock(at);
        // With the lists across cases the commit path keeps (the deadline index, the calendar years' index), as the app's.
        var changes = new CaseChanges(new TableCaseStore(storage), [
            new DeadlineIndexing(new TableLifecycleIndexes(storage), calculator, court),
            new CalendarIndexing(new TableCalendarStore(storage), calculator, court)]);
        var index = new TableCaseIndex(storage);
        var blobs = new BlobDocumentStore(storage);
        var review = new FilingReview(calculator);
        async Task FileAsync(int i)
        {
            var id = ECourt.Domain.Cases.CaseId.FromRandom(Guid.NewGuid().ToByteArray());
            var parties = new List<ECourt.Domain.Parties.Party>
            {
                new(1, ECourt.Domain.Parties.PartyRole.Plaintiff, ECourt.Domain.Parties.PartyKind.Person, "刘志强",
                    ECourt.Domain.Parties.IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000", null, null, "u" + i,
                        false, null, [], []),
                new(2, ECourt.Domain.Parties.PartyRole.Defendant, ECourt.Domain.Parties.PartyKind.Organisation, "示例科技有限公司", null, null,
                    Filings.DefendantCreditCode, null, null, null, null, false, null, [], []),
            };
            var filer = new ECourt.Domain.Cases.Actor("u" + i, "party");
            var (draft, created) = ECourt.Domain.Cases.CourtCase.Draft(id, "黑01", ECourt.Domain.Cases.FeeCaseType.Property,
                ECourt.Domain.Cases.Procedure.Ordinary,
                "民间借贷纠纷", 100000m, "判令被告偿还借款", "事实", parties, filer, "fp", at);
            await index.AddUserCaseAsync("u" + i, id, at);
            await changes.CreateAsync(draft, [created]);
            await blobs.PutAsync(id, "doc1", Filings.Pdf, "application/pdf", "x");
            var document = new CaseDocument("doc1", DocumentKind.Complaint, "a.pdf", "application/pdf", 10, "x", "u", at);
            // Upload and submit each read the case first (one point read), as the use cases do.
            await changes.ApplyAsync(id, c =>
                CaseChange.Of(c.WithDocument(document), []).Inserting(CaseRow.Of(DocumentRows.Documents, "doc1", document)));
            await changes.ApplyAsync(id, c => CaseChange.Of(review.Submit(c, filer, at, c.HasDocumentOfKind(DocumentKind.Complaint))));
            await index.EnqueueForReviewAsync("黑01", id, at);
        }
        for (var i = 0; i < 20; i++) await FileAsync(-1 - i);
        var before = counter.Count;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, filings), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i,
            _) => await FileAsync(i));
        return (filings / clock.Elapsed.TotalSeconds, (double)(counter.Count - before) / filings);
    }

    /// <summary>Single-entity inserts into the same Azurite at the same concurrency, entities the size of a small case row.</summary>
    private static async Task<double> BaselineAsync(int inserts, int concurrency)
    {
        var storage = await Azurite.NewStorageAsync();
        var table = storage.Tables.GetTableClient(storage.Names.Cases + "Baseline");
        await table.CreateIfNotExistsAsync();
        var payload = new string('x', 2048);
        async Task InsertAsync(int i) => await table.AddEntityAsync(new TableEntity($"p{i}", "case") { ["Json"] = payload });
        for (var i = 0; i < 200; i++) await InsertAsync(-1 - i);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, inserts), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i,
            _) => await InsertAsync(i));
        return inserts / clock.Elapsed.TotalSeconds;
    }
}
