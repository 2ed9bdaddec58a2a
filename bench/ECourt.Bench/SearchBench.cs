using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ECourt.Adapters.Search;
using ECourt.Application.Publication;

namespace ECourt.Bench;

/// <summary>
/// The embedded public search (LuceneJudgmentIndex on disk, as the local host keeps it): N synthetic judgments
/// (<see cref="SearchCorpus"/>) indexed by the rebuild from the published rows, then M more through UpsertAsync one at a time,
/// as the queue trigger applies them (each committed and visible before the next); then a mixed query set through
/// SearchAsync, one at a time (queries per second, p50 and p99) and two at a time. The baseline of the same run is what search
/// costs without an index: a linear scan of the same N normalised texts with string.Contains for every word and the same
/// filters, counting every match and cutting the excerpts of the first page, as the index answers. Rounds alternate their
/// order. The totals of both are compared query by query: the index's semantics (every word, its characters together) are
/// those of the scan.
/// </summary>
public static class SearchBench
{
    private sealed class Corpus(IReadOnlyList<IndexedJudgment> judgments) : IPublishedJudgmentSource
    {
        public async IAsyncEnumerable<IndexedJudgment> PublishedAsync([EnumeratorCancellation] CancellationToken ct)
        {
            foreach (var j in judgments) yield return j;
            await Task.CompletedTask;
        }
    }

    private sealed record Scanned(IndexedJudgment Judgment, string Normalised);

    public static async Task RunAsync(int judgments, int upserts, int queryCount, int rounds)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var corpus = SearchCorpus.Generate(judgments + upserts);
        var published = corpus.Take(judgments).ToList();
        var bytes = published.Sum(j => Encoding.UTF8.GetByteCount(j.Text));
        var chars = published.Select(j => j.Text.Length).Order().ToList();
        var folder = Directory.CreateTempSubdirectory("search-bench").FullName;
        try
        {
            Console.WriteLine($"search: {judgments} judgments of {chars[0]}–{chars[^1]} characters (median {chars[chars.Count / 2]}), "
                + $"{bytes / 1024.0 / 1024.0:0.0} MB UTF-8; {Machine.Describe()}");
            using var index = new LuceneJudgmentIndex(new LuceneJudgmentIndexOptions { IndexDirectory = folder }, new Corpus(published));
            var clock = Stopwatch.StartNew();
            await index.EnsureReadyAsync(CancellationToken.None);
            var rebuild = clock.Elapsed;
            if (!index.Rebuilt) throw new InvalidOperationException("The index was not rebuilt.");
            clock.Restart();
            foreach (var j in corpus.Skip(judgments)) await index.UpsertAsync(j, CancellationToken.None);
            var oneByOne = clock.Elapsed;
            var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
            Row("index: rebuild from the published rows, one commit", $"{rebuild.TotalSeconds:0.0} s",
                $"{judgments / rebuild.TotalSeconds:0} judgments/s", $"{bytes / 1024.0 / 1024.0 / rebuild.TotalSeconds:0.00} MB/s");
            Row("index: UpsertAsync one by one, each committed and searchable", $"{oneByOne.TotalSeconds:0.0} s for {upserts}",
                $"{upserts / oneByOne.TotalSeconds:0} judgments/s", $"{oneByOne.TotalMilliseconds / upserts:0.0} ms each");
            Row("index on disk", $"{size / 1024.0 / 1024.0:0.0} MB", $"{(double)size / bytes:0.00} × the texts", "");

            var all = corpus.Select(j => new Scanned(j, SearchText.Normalised(j.Title + "\n" + j.Text))).ToList();
            var queries = SearchCorpus.Queries(queryCount);
            // Compare their answers, then warm both until the JIT has compiled Lucene's hot paths at full optimisation (tiered
            // compilation starts every method unoptimised, and promotes it after 30 calls once no new method has been compiled for
            // a while): measured after one pass, the index was five times slower than it is in a host that has served for minutes.
            var disagree = 0;
            foreach (var q in queries)
                if ((await index.SearchAsync(q, CancellationToken.None)).Total != Scan(all, q).Total) disagree++;
            var warming = Stopwatch.StartNew();
            while (warming.Elapsed < TimeSpan.FromSeconds(10))
                foreach (var q in queries.Take(50))
                {
                    await index.SearchAsync(q, CancellationToken.None);
                    Scan(all, q);
                }
            var withText = queries.Count(q => q.Text is not null);

            var indexed = new List<double>();
            var scanned = new List<double>();
            var (indexTime, scanTime) = (TimeSpan.Zero, TimeSpan.Zero);
            for (var round = 0; round < rounds; round++)
            {
                async Task Index() => indexTime += await TimedAsync(queries, q => index.SearchAsync(q, CancellationToken.None), indexed);
                async Task Scan_() => scanTime += await TimedAsync(queries, q => Task.FromResult(Scan(all, q)), scanned);
                if (round % 2 == 0) { await Index(); await Scan_(); }
                else { await Scan_(); await Index(); }
            }
            clock.Restart();
            await Parallel.ForEachAsync(Enumerable.Range(0, rounds).SelectMany(_ => queries),
                new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (q, ct) => await index.SearchAsync(q, ct));
            var twoAtATime = queries.Count * rounds / clock.Elapsed.TotalSeconds;
            var lookups = published.Take(queryCount)
                .Select(j => new JudgmentQuery(null, j.CaseNumber, null, null, null, null, 0, 20)).ToList();
            var lookupTimes = new List<double>();
            var lookupTime = await TimedAsync(lookups, q => index.SearchAsync(q, CancellationToken.None), lookupTimes);

            var qps = indexed.Count / indexTime.TotalSeconds;
            var scanQps = scanned.Count / scanTime.TotalSeconds;
            Console.WriteLine($"queries: {queries.Count} ({withText} with text; 40% one word, 20% two words, 20% a word and a filter, "
                + $"20% filters only), {rounds} rounds, page of 20");
            Row("search, one at a time", $"{qps:0} queries/s", $"p50 {Percentile(indexed, 0.50):0.00} ms",
                $"p99 {Percentile(indexed, 0.99):0.00} ms");
            Row("search, two at a time", $"{twoAtATime:0} queries/s", "", "");
            Row("baseline: linear scan with string.Contains", $"{scanQps:0} queries/s", $"p50 {Percentile(scanned, 0.50):0.00} ms",
                $"p99 {Percentile(scanned, 0.99):0.00} ms");
            Row("ratio index ÷ scan (queries/s)", $"{qps / scanQps:0.0}", "", "");
            // Each kind of query alone: the time of every run of it, index against scan.
            foreach (var kind in queries.Select(Kind).Distinct())
            {
                var at = Enumerable.Range(0, indexed.Count).Where(i => Kind(queries[i % queries.Count]) == kind).ToList();
                var (i, s) = (at.Select(n => indexed[n]).ToList(), at.Select(n => scanned[n]).ToList());
                Row($"  {kind}: index p50 / p99 against scan p50 / p99", $"{Percentile(i, 0.50):0.00} / {Percentile(i, 0.99):0.00} ms",
                    $"{Percentile(s, 0.50):0.00} / {Percentile(s, 0.99):0.00} ms", $"ratio of means {s.Average() / i.Average():0.0}");
            }
            Row("reference: case-number lookup (a term filter, no text)", $"{lookups.Count / lookupTime.TotalSeconds:0} queries/s",
                $"p50 {Percentile(lookupTimes, 0.50):0.00} ms", $"p99 {Percentile(lookupTimes, 0.99):0.00} ms");
            Row("totals the index and the scan disagree on", $"{disagree} of {queries.Count} queries", "", "");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Kind(JudgmentQuery q) => (SearchText.Words(q.Text).Count, q.Court ?? q.Cause ?? (object?)q.From) switch
    {
        (0, _) => "filters only",
        (1, null) => "one word",
        (_, null) => "two words",
        _ => "a word and a filter",
    };

    /// <summary>What search costs without an index: every text read for every query, the first page's excerpts cut alike.</summary>
    private static JudgmentHits Scan(List<Scanned> all, JudgmentQuery q)
    {
        var words = SearchText.Words(q.Text);
        var total = 0;
        var page = new List<JudgmentHit>();
        foreach (var s in all)
        {
            var j = s.Judgment;
            if ((q.CaseNumber is not null && j.CaseNumber != q.CaseNumber) || (q.Court is not null && j.Court != q.Court)
                || (q.Cause is not null && j.Cause != q.Cause) || (q.From is { } from && j.DecidedOn < from)
                || (q.To is { } to && j.DecidedOn > to))
                continue;
            if (!words.All(w => s.Normalised.Contains(w, StringComparison.Ordinal))) continue;
            if (total++ >= q.Skip && page.Count < q.Take)
                page.Add(new JudgmentHit(j.JudgmentId, j.CaseNumber, j.Court, j.Cause, j.DecidedOn, j.Title,
                    SearchText.Excerpt(j.Text, words)));
        }
        return new JudgmentHits(total, page);
    }

    private static async Task<TimeSpan> TimedAsync(List<JudgmentQuery> queries, Func<JudgmentQuery, Task<JudgmentHits>> search,
        List<double> each)
    {
        var total = Stopwatch.StartNew();
        var one = new Stopwatch();
        foreach (var q in queries)
        {
            one.Restart();
            await search(q);
            each.Add(one.Elapsed.TotalMilliseconds);
        }
        return total.Elapsed;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Row(string measure, string a, string b, string c) => Console.WriteLine($"| {measure} | {a} | {b} | {c} |");
}
