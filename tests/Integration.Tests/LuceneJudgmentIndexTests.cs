using ECourt.Adapters.Search;
using ECourt.Application.Publication;
using Lucene.Net.Store;

namespace ECourt.Integration.Tests;

/// <summary>The embedded engine: the shared behaviour in memory, and on disk its rebuild from the published judgments.</summary>
public sealed class LuceneJudgmentIndexTests : JudgmentIndexTests
{
    private readonly string _folder;

    public LuceneJudgmentIndexTests()
    {
        _folder = System.IO.Directory.CreateTempSubdirectory("judgment-index").FullName;
        Owned(new FolderRemoval(_folder));
    }

    private sealed class FolderRemoval(string folder) : IDisposable
    {
        public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);
    }

    protected override async Task<IJudgmentIndex> IndexAsync(IPublishedJudgmentSource? source = null)
    {
        var index = Owned(new LuceneJudgmentIndex(new RAMDirectory(), source ?? new PublishedJudgments([])));
        await index.EnsureReadyAsync(CancellationToken.None);
        return index;
    }

    private LuceneJudgmentIndex OnDisk(IPublishedJudgmentSource source) =>
        new(new LuceneJudgmentIndexOptions { IndexDirectory = _folder }, source);

    [Fact]
    public async Task EmptyFolder_RebuiltFromThePublishedJudgments_ThenReopenedWithoutReadingThemAgain()
    {
        var published = new PublishedJudgments([Judgment("jd1"), Judgment("jd2", version: 3), Judgment("jd3", version: 2)]);
        using (var index = OnDisk(published))
        {
            await index.EnsureReadyAsync(CancellationToken.None);
            Assert.True(index.Rebuilt);
            Assert.Equal(1, published.Reads);
            Assert.Equal(["jd1", "jd2", "jd3"], (await Found(index, Query("借款"))).Order());
            await index.UpsertAsync(Judgment("jd4"), CancellationToken.None);
            await index.RemoveAsync("jd3", 4, CancellationToken.None);
        }

        var unread = new PublishedJudgments([], failAfter: 0);
        using (var index = OnDisk(unread))
        {
            await index.EnsureReadyAsync(CancellationToken.None);
            Assert.False(index.Rebuilt);
            Assert.Equal(0, unread.Reads);
            Assert.Equal(["jd1", "jd2", "jd4"], (await Found(index, Query("借款"))).Order());
            // The versions held, and the withdrawal's tombstone, outlive the process.
            await index.UpsertAsync(Judgment("jd3", version: 3), CancellationToken.None);
            await index.UpsertAsync(Judgment("jd2", version: 2, text: "旧版本：被告支付保证金。"), CancellationToken.None);
            Assert.Equal(["jd1", "jd2", "jd4"], (await Found(index, Query("借款"))).Order());
            Assert.Empty(await Found(index, Query("保证金")));
        }
    }

    [Fact]
    public async Task Rebuild_AJudgmentReadTwice_KeptAtItsHighestVersion_InABatchAndAcrossBatches()
    {
        var filler = Enumerable.Range(0, 300).Select(i => Judgment($"filler{i}"));
        var index = await IndexAsync(new PublishedJudgments([
            Judgment("jd1", version: 2, text: "被告支付违约金。"), Judgment("jd1", version: 1, text: "被告支付保证金。"),
            Judgment("jd2", version: 1, text: "被告支付保证金。"), .. filler, Judgment("jd2", version: 3, text: "被告支付违约金。"),
            Judgment("jd3", version: 1, text: "被告支付保证金。"), Judgment("jd3", version: 4, text: "被告支付违约金。"),
        ]));

        Assert.Equal(["jd1", "jd2", "jd3"], (await Found(index, Query("违约金"))).Order());
        Assert.Empty(await Found(index, Query("保证金")));
    }

    [Fact]
    public async Task RebuildInterrupted_NothingCommitted_RebuiltAgainAtTheNextOpen()
    {
        var judgments = Enumerable.Range(1, 5).Select(i => Judgment($"jd{i}")).ToList();
        using (var index = OnDisk(new PublishedJudgments(judgments, failAfter: 3)))
            await Assert.ThrowsAsync<IOException>(() => index.EnsureReadyAsync(CancellationToken.None));

        using (var index = OnDisk(new PublishedJudgments(judgments)))
        {
            await index.EnsureReadyAsync(CancellationToken.None);
            Assert.True(index.Rebuilt);
            Assert.Equal(5, (await index.SearchAsync(Query("借款"), CancellationToken.None)).Total);
        }
    }

    [Fact]
    public async Task ConcurrentSearchesAndChanges_NoneFails_EveryChangeFound()
    {
        var index = await IndexAsync();
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++) await index.UpsertAsync(Judgment($"jd{w}-{i}"), CancellationToken.None);
        })).ToList();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!writers.All(w => w.IsCompleted))
                Assert.InRange((await index.SearchAsync(Query("借款", take: 5), CancellationToken.None)).Total, 0, 40);
        })).ToList();

        await Task.WhenAll(writers.Concat(readers));

        Assert.Equal(40, (await index.SearchAsync(Query("借款"), CancellationToken.None)).Total);
    }
}
