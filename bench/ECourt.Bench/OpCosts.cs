using System.Diagnostics;
using Azure.Data.Tables;
using ECourt.Testing;

namespace ECourt.Bench;

public static class OpCosts
{
    public static async Task RunAsync(int n, int concurrency)
    {
        var storage = await Azurite.NewStorageAsync();
        var t = storage.Cases;
        var payload = new string('x', 2048);
        async Task Measure(string name, Func<int, Task> op)
        {
            for (var i = 0; i < 50; i++) await op(1_000_000 + i);
            var sw = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await op(i));
            Console.WriteLine($"{name,-20} {n / sw.Elapsed.TotalSeconds,8:F0}/s");
        }
        await Measure("insert", i => t.AddEntityAsync(new TableEntity($"p{i}", "case") { ["Json"] = payload }));
        await Measure("point read", i => t.GetEntityIfExistsAsync<TableEntity>($"p{i}", "case"));
        await Measure("upsert", i => t.UpsertEntityAsync(new TableEntity($"q{i}", "r") { ["X"] = 1 }));
        await Measure("batch of 2", i => t.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity($"b{i}", "a") { ["Json"] = payload }), new(TableTransactionActionType.Add, new TableEntity($"b{i}", "b") { ["Json"] = payload })]));
        await Measure("partition query", async i => { await foreach (var _ in t.QueryAsync<TableEntity>(e => e.PartitionKey == $"b{i}")) { } });
        await Measure("blob put 48 B", i => storage.Documents.GetBlobClient($"c{i}/d").UploadAsync(BinaryData.FromBytes(Filings.Pdf)));
    }
}
