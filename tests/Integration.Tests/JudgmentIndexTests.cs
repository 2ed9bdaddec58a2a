using System.Runtime.CompilerServices;
using ECourt.Application.Publication;

namespace ECourt.Integration.Tests;

/// <summary>
/// The public search's behaviour, the same for both engines (<see cref="LuceneJudgmentIndexTests"/>,
/// <see cref="AzureJudgmentIndexTests"/>): full text in Chinese in either script, exact filters, paging, nothing of what
/// anonymisation removed, and idempotence by version (twice, late, after a withdrawal).
/// </summary>
public abstract class JudgmentIndexTests : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>A ready index of the engine under test, empty, rebuilt (Lucene) from <paramref name="source"/> when given.</summary>
    protected abstract Task<IJudgmentIndex> IndexAsync(IPublishedJudgmentSource? source = null);

    /// <summary>Disposed when the test ends, after everything taken later.</summary>
    protected T Owned<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    public void Dispose()
    {
        // Last taken, first let go: an index before the folder it lives in.
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        GC.SuppressFinalize(this);
    }

    protected const string LoanText =
        "黑龙江省哈尔滨市中级人民法院民事判决书。原告张某与被告李某民间借贷纠纷一案，本院立案后依法适用普通程序公开开庭进行了审理。"
        + "原告张某向本院提出诉讼请求：判令被告李某偿还借款100000元及利息。本院认为，合法的借贷关系受法律保护。";

    protected static IndexedJudgment Judgment(string id, long version = 1, string text = LoanText, string caseNumber = "（2026）黑01民初1号",
        string court = "黑01", string cause = "民间借贷纠纷", DateOnly? decidedOn = null, string title = "张某与李某民间借贷纠纷一审民事判决书") =>
        new(id, version, caseNumber, court, cause, decidedOn ?? new DateOnly(2026, 3, 10), new DateOnly(2026, 4, 1), title, text);

    protected static JudgmentQuery Query(string? text = null, string? caseNumber = null, string? court = null, string? cause = null,
        DateOnly? from = null, DateOnly? to = null, int skip = 0, int take = 20) =>
        new(text, caseNumber, court, cause, from, to, skip, take);

    protected static async Task<List<string>> Found(IJudgmentIndex index, JudgmentQuery query)
    {
        var hits = await index.SearchAsync(query, CancellationToken.None);
        Assert.InRange(hits.Hits.Count, 0, hits.Total);
        return hits.Hits.Select(h => h.JudgmentId).ToList();
    }

    private static Task Upsert(IJudgmentIndex index, IndexedJudgment judgment) => index.UpsertAsync(judgment, CancellationToken.None);

    [Fact]
    public async Task Search_AChineseWordOfTheText_FindsTheJudgment_WithItsFieldsAndAnExcerpt()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1"));
        await Upsert(index, Judgment("jd2", text: "原告王某与被告赵某买卖合同纠纷一案。被告未按约定支付货款。", caseNumber: "（2026）黑01民初2号",
            cause: "买卖合同纠纷"));

        var hits = await index.SearchAsync(Query("借款"), CancellationToken.None);

        Assert.Equal(1, hits.Total);
        var hit = Assert.Single(hits.Hits);
        Assert.Equal(new JudgmentHit("jd1", "（2026）黑01民初1号", "黑01", "民间借贷纠纷", new DateOnly(2026, 3, 10), "张某与李某民间借贷纠纷一审民事判决书",
            hit.Excerpt), hit);
        Assert.Contains("借款", hit.Excerpt);
        Assert.Equal(["jd2"], await Found(index, Query("货款")));
        Assert.Empty(await Found(index, Query("离婚")));
    }

    [Fact]
    public async Task Search_EveryWordMustOccur_EachAsAPhrase()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1"));

        Assert.Equal(["jd1"], await Found(index, Query("借款 利息")));
        Assert.Equal(["jd1"], await Found(index, Query("借款，利息。")));
        Assert.Empty(await Found(index, Query("借款 离婚")));
    }

    [Fact]
    public async Task Search_AWordSegmentedOtherwiseInTheSentence_StillFound()
    {
        // SmartCn makes one token of 违约金 alone, and 违约 | 金 of it in this sentence.
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", text: "更正后的判决：被告支付违约金。"));

        Assert.Equal(["jd1"], await Found(index, Query("违约金")));
        Assert.Equal(["jd1"], await Found(index, Query("支付违约金")));
        Assert.Empty(await Found(index, Query("违约责任")));
    }

    [Fact]
    public async Task Search_ACaseNumberOrAnAmountInTheText_FoundWhole()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", text: "（2026）黑01民初1号。被告偿还借款100000元。"));
        await Upsert(index, Judgment("jd11", text: "（2026）黑01民初11号。被告偿还借款5000元。"));

        Assert.Equal(["jd1"], await Found(index, Query("（2026）黑01民初1号")));
        Assert.Equal(["jd11"], await Found(index, Query("黑01民初11号")));
        Assert.Equal(["jd1"], await Found(index, Query("100000元")));
        Assert.Equal(["jd1", "jd11"], (await Found(index, Query("黑01民初"))).Order());
    }

    [Fact]
    public async Task Search_TraditionalText_FoundByASimplifiedQuery_AndTheReverse()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("traditional", text: "原告與被告簽訂房屋買賣合同，被告未按約定支付購房款。"));
        await Upsert(index, Judgment("simplified", text: "原告与被告签订借款合同，被告到期未还款。"));

        Assert.Equal(["traditional"], await Found(index, Query("购房款")));
        Assert.Equal(["simplified"], await Found(index, Query("還款")));
        Assert.Equal(["simplified", "traditional"], (await Found(index, Query("簽訂"))).Order());
        Assert.Equal(["simplified", "traditional"], (await Found(index, Query("签订"))).Order());
        // The excerpt is the published text, in its own script.
        var hit = Assert.Single((await index.SearchAsync(Query("购房款"), CancellationToken.None)).Hits);
        Assert.Contains("購房款", hit.Excerpt);
    }

    [Fact]
    public async Task Search_CaseNumberCourtCauseAndDates_AreExactFilters_DatesInclusive()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("a", caseNumber: "（2026）黑01民初1号", court: "黑01", cause: "民间借贷纠纷",
            decidedOn: new DateOnly(2026, 3, 10)));
        await Upsert(index, Judgment("b", caseNumber: "（2026）黑0102民初7号", court: "黑0102", cause: "买卖合同纠纷",
            decidedOn: new DateOnly(2026, 4, 20)));
        await Upsert(index, Judgment("c", caseNumber: "（2026）黑01民初9号", court: "黑01", cause: "买卖合同纠纷",
            decidedOn: new DateOnly(2026, 5, 31)));

        async Task<IEnumerable<string>> Ids(JudgmentQuery q) => (await Found(index, q)).Order();
        Assert.Equal(["a"], await Ids(Query(caseNumber: "（2026）黑01民初1号")));
        Assert.Empty(await Ids(Query(caseNumber: "（2026）黑01民初")));
        Assert.Equal(["a", "c"], await Ids(Query(court: "黑01")));
        Assert.Empty(await Ids(Query(court: "黑0")));
        Assert.Equal(["b", "c"], await Ids(Query(cause: "买卖合同纠纷")));
        Assert.Equal(["c"], await Ids(Query(court: "黑01", cause: "买卖合同纠纷")));
        Assert.Equal(["b", "c"], await Ids(Query(from: new DateOnly(2026, 4, 20), to: new DateOnly(2026, 5, 31))));
        Assert.Equal(["c"], await Ids(Query(from: new DateOnly(2026, 4, 21))));
        Assert.Equal(["a", "b"], await Ids(Query(to: new DateOnly(2026, 4, 20))));
        Assert.Equal(["a", "c"], await Ids(Query("借款", court: "黑01")));
        Assert.Equal(["b"], await Ids(Query("借款", court: "黑0102", from: new DateOnly(2026, 4, 1), to: new DateOnly(2026, 4, 30))));
    }

    [Fact]
    public async Task Search_Paged_NewestFirstWithoutText_TotalOnEveryPage()
    {
        var index = await IndexAsync();
        for (var i = 1; i <= 5; i++) await Upsert(index, Judgment($"jd{i}", decidedOn: new DateOnly(2026, 1, i)));

        var pages = new List<JudgmentHits>();
        for (var skip = 0; skip < 6; skip += 2) pages.Add(await index.SearchAsync(Query(skip: skip, take: 2), CancellationToken.None));

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([["jd5", "jd4"], ["jd3", "jd2"], ["jd1"]], pages.Select(p => p.Hits.Select(h => h.JudgmentId).ToArray()));
        // With text, ordered by relevance: the pages still share nothing and together hold every match.
        var first = await Found(index, Query("借款", skip: 0, take: 3));
        var second = await Found(index, Query("借款", skip: 3, take: 3));
        Assert.Equal(["jd1", "jd2", "jd3", "jd4", "jd5"], first.Concat(second).Order());
        Assert.Equal(5, (await index.SearchAsync(Query("借款", take: 0), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Search_APseudonymisedPersonsRealName_OrARemovedIdNumber_FindsNothing()
    {
        var index = await IndexAsync();
        // Anonymised: 张三丰 became 张某, his identity number and phone were removed, his domicile cut to the county.
        await Upsert(index, Judgment("jd1", text: "原告张某，男，1980年1月1日出生，汉族，住黑龙江省哈尔滨市南岗区。被告李某。原告张某向本院提出诉讼请求：判令被告偿还借款。"));

        Assert.Equal(["jd1"], await Found(index, Query("张某")));
        Assert.Equal(["jd1"], await Found(index, Query("南岗区")));
        Assert.Empty(await Found(index, Query("张三丰")));
        Assert.Empty(await Found(index, Query("三丰")));
        Assert.Empty(await Found(index, Query("11010519491231002X")));
        Assert.Empty(await Found(index, Query("13800000000")));
    }

    [Fact]
    public async Task Upsert_TheSameMessageTwice_OneHit()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", version: 1));
        await Upsert(index, Judgment("jd1", version: 1));

        var hits = await index.SearchAsync(Query("借款"), CancellationToken.None);
        Assert.Equal(1, hits.Total);
        Assert.Single(hits.Hits);
    }

    [Fact]
    public async Task Upsert_AnOlderVersionAfterANewer_TheNewerKept()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", version: 2, text: "更正后的判决：被告支付违约金。"));
        await Upsert(index, Judgment("jd1", version: 1, text: "原判决：被告支付保证金。"));

        Assert.Equal(["jd1"], await Found(index, Query("违约金")));
        Assert.Empty(await Found(index, Query("保证金")));
    }

    [Fact]
    public async Task Remove_ThenAnOlderOrEqualUpsert_StillAbsent_ALaterOnePublishesAgain()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", version: 1));
        await index.RemoveAsync("jd1", 2, CancellationToken.None);
        Assert.Empty(await Found(index, Query("借款")));
        Assert.Empty(await Found(index, Query()));

        await Upsert(index, Judgment("jd1", version: 1));
        await Upsert(index, Judgment("jd1", version: 2));
        Assert.Empty(await Found(index, Query("借款")));
        Assert.Equal(0, (await index.SearchAsync(Query(), CancellationToken.None)).Total);

        await Upsert(index, Judgment("jd1", version: 3));
        Assert.Equal(["jd1"], await Found(index, Query("借款")));
    }

    [Fact]
    public async Task Remove_WithAVersionNotAboveTheHeldOne_Ignored_AndAWithdrawalOfAnUnseenJudgmentHoldsBackItsOlderUpsert()
    {
        var index = await IndexAsync();
        await Upsert(index, Judgment("jd1", version: 3));
        await index.RemoveAsync("jd1", 2, CancellationToken.None);
        await index.RemoveAsync("jd1", 3, CancellationToken.None);
        Assert.Equal(["jd1"], await Found(index, Query("借款")));

        // The withdrawal's message arrived before the publication's.
        await index.RemoveAsync("jd2", 2, CancellationToken.None);
        await Upsert(index, Judgment("jd2", version: 1));
        Assert.Equal(["jd1"], await Found(index, Query("借款")));
    }

    [Fact]
    public async Task Excerpt_PlainTextAroundTheFirstMatch_TheBeginningWithoutText()
    {
        var index = await IndexAsync();
        var filler = string.Concat(Enumerable.Repeat("本院经审理认定事实如下。", 100));
        var text = "判决书正文开始。" + filler + "被告应支付违约金<五万元>。\n\n" + filler + "被告应支付违约金。";
        await Upsert(index, Judgment("jd1", text: text));

        var hit = Assert.Single((await index.SearchAsync(Query("违约金"), CancellationToken.None)).Hits);
        Assert.Contains("被告应支付违约金<五万元>。", hit.Excerpt);
        Assert.StartsWith("…", hit.Excerpt);
        Assert.EndsWith("…", hit.Excerpt);
        Assert.InRange(hit.Excerpt.Length, 20, 170);
        Assert.DoesNotContain("\n", hit.Excerpt);

        var plain = Assert.Single((await index.SearchAsync(Query(), CancellationToken.None)).Hits);
        Assert.StartsWith("判决书正文开始。", plain.Excerpt);
    }

    /// <summary>The published judgments an embedded index is rebuilt from; counts how often it was read.</summary>
    protected sealed class PublishedJudgments(IEnumerable<IndexedJudgment> judgments, int failAfter = int.MaxValue)
        : IPublishedJudgmentSource
    {
        public int Reads { get; private set; }

        public async IAsyncEnumerable<IndexedJudgment> PublishedAsync([EnumeratorCancellation] CancellationToken ct)
        {
            Reads++;
            var given = 0;
            foreach (var j in judgments)
            {
                await Task.Yield();
                if (given++ == failAfter) throw new IOException("The published rows could not be read.");
                yield return j;
            }
        }
    }
}
