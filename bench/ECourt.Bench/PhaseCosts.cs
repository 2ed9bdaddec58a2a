using ECourt.Adapters.Storage;
using ECourt.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Bench;

public static class PhaseCosts
{
    /// <param name="keys">every step sends an Idempotency-Key of its own</param>
    public static async Task RunAsync(int n, bool keys)
    {
        var counter = new StorageRequestCounter();
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, s => s.AddSingleton(counter));
        await host.Storage.EnsureCreatedAsync();
        // What a request costs the app, not what the tests' check of each answer against the API document costs.
        host.CheckAnswers = false;
        for (var i = 0; i < 30; i++) await FilingThroughput.FileAsync(host, $"w{i}", keys);
        var ids = new string[n];
        async Task Phase(string name, Func<int, Task> op)
        {
            GC.Collect();
            var a = GC.GetTotalAllocatedBytes(true);
            var r = counter.Count;
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await op(i);
            await Task.Delay(200);
            var cpu2 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine($"{name,-8} {(GC.GetTotalAllocatedBytes(true) - a) / 1024.0 / n,8:F0} KiB/op  {(counter.Count - r) / (double)n:F2} req/op  {sw.Elapsed.TotalMilliseconds / n:F1} ms/op  cpu {(cpu2 - cpu).TotalMilliseconds / n:F2} ms/op");
        }
        var probe = await ECourt.Testing.Azurite.NewStorageAsync(counter);
        await probe.Cases.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["Json"] = new string('x', 2048) });
        await Phase("read", async i => await probe.Cases.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        await Phase("insert", async i => await probe.Cases.AddEntityAsync(new Azure.Data.Tables.TableEntity("p" + i, "r") { ["Json"] = new string('x', 2048) }));
        await Phase("batch2", async i => await probe.Cases.SubmitTransactionAsync([new(Azure.Data.Tables.TableTransactionActionType.Add, new Azure.Data.Tables.TableEntity("b" + i, "a") { ["Json"] = new string('x', 2048) }), new(Azure.Data.Tables.TableTransactionActionType.Add, new Azure.Data.Tables.TableEntity("b" + i, "b") { ["Json"] = new string('x', 2048) })]));
        await Phase("blob", async i => await probe.Documents.GetBlobClient($"x{i}/d").UploadAsync(BinaryData.FromBytes(Filings.Pdf)));
        Dictionary<string, string>? Key(string key) => keys ? FilingThroughput.Key(key) : null;
        Console.WriteLine($"Idempotency-Key sent on every step: {(keys ? "yes" : "no")}");
        await Phase("create", async i => ids[i] = await host.CreateAsync($"u{i}", Filings.Property($"u{i}"), keys ? $"u{i}-create" : null));
        await Phase("upload", async i => await host.UploadAsync(ids[i], CourtTestHost.Principal($"u{i}", "party"), Filings.Pdf,
            extra: Key($"u{i}-upload")));
        await Phase("submit", async i => await host.SendAsync("POST", $"/api/cases/{ids[i]}/submit",
            CourtTestHost.Principal($"u{i}", "party"), headers: Key($"u{i}-submit")));
    }
}
