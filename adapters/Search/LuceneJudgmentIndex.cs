using ECourt.Application.Publication;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ECourt.Adapters.Search;

/// <summary>
/// The public search on one machine (the local host, tests): Lucene.Net over a Simplified copy of each judgment's title and
/// text, twice: segmented into words by SmartCn, and cut into characters (see <see cref="AllWords"/> for why both). One
/// <see cref="IndexWriter"/> takes every change, one at a time, each committed before it returns (the queue message that
/// brought it is then deleted: a change must not live only in memory); searches run concurrently on the searchers a
/// <see cref="SearcherManager"/> hands out, refreshed after each change. A withdrawn judgment stays as a tombstone (its id and
/// version, no text) that searches never match. An index is complete only when its commit carries the mark the rebuild sets
/// last: a folder without one, or with an interrupted rebuild, is rebuilt from the published judgments.
/// </summary>
public sealed class LuceneJudgmentIndex : IJudgmentIndex, IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Complete = "ecourt-complete";
    private const int RebuildBatch = 256;

    private static class Fields
    {
        public const string Id = "id";
        public const string Version = "version";
        public const string State = "state";
        public const string CaseNumber = "caseNumber";
        public const string Court = "court";
        public const string Cause = "cause";
        public const string DecidedOn = "decidedOn";
        public const string DecidedOnOrder = "decidedOnOrder";
        public const string PublishedOn = "publishedOn";
        public const string Title = "title";
        public const string Text = "text";
        public const string Content = "content";
        public const string Characters = "characters";
    }

    private const string Published = "published";
    private const string Withdrawn = "withdrawn";

    private static readonly Sort Newest = new(new SortField(Fields.DecidedOnOrder, SortFieldType.INT64, true),
        new SortField(Fields.Id, SortFieldType.STRING));

    private static readonly Sort Relevance = new(SortField.FIELD_SCORE, new SortField(Fields.DecidedOnOrder, SortFieldType.INT64, true),
        new SortField(Fields.Id, SortFieldType.STRING));

    private static readonly HashSet<string> KeyFields = [Fields.Id, Fields.Version];

    private readonly LuceneDirectory _directory;
    private readonly IPublishedJudgmentSource _source;
    // SmartCn for words; the standard analyzer, without stop words, cuts Chinese into single characters and keeps runs of
    // letters and digits whole (an identity number is one token).
    private readonly Analyzer _analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(Version),
        new Dictionary<string, Analyzer> { [Fields.Characters] = new StandardAnalyzer(Version, CharArraySet.Empty) });
    private readonly SemaphoreSlim _writing = new(1, 1);
    // The version held for each judgment id (published or withdrawn), read once at open: the check before each change.
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private IndexWriter? _writer;
    private volatile SearcherManager? _searchers;
    private bool _disposed;

    public LuceneJudgmentIndex(LuceneJudgmentIndexOptions options, IPublishedJudgmentSource source)
        : this(string.IsNullOrEmpty(options.IndexDirectory) ? new RAMDirectory() : FSDirectory.Open(options.IndexDirectory), source)
    {
    }

    /// <summary>Over a directory the index owns from now on (disposed with it).</summary>
    public LuceneJudgmentIndex(LuceneDirectory directory, IPublishedJudgmentSource source)
    {
        _directory = directory;
        _source = source;
    }

    /// <summary>Whether the last open found no complete index and rebuilt it from the published judgments.</summary>
    public bool Rebuilt { get; private set; }

    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (_searchers is not null) return;
        await _writing.WaitAsync(ct);
        try
        {
            await OpenAsync(ct);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_searchers is not null) return;
        var complete = DirectoryReader.IndexExists(_directory)
            && DirectoryReader.ListCommits(_directory).Last().UserData.ContainsKey(Complete);
        var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = complete ? OpenMode.APPEND : OpenMode.CREATE,
        });
        try
        {
            _versions.Clear();
            if (complete) ReadVersions();
            else await RebuildAsync(writer, ct);
            _searchers = new SearcherManager(writer, true, null);
            _writer = writer;
            Rebuilt = !complete;
        }
        catch
        {
            // Nothing of an interrupted rebuild is committed: the next open starts it again.
            writer.Rollback();
            _versions.Clear();
            throw;
        }
    }

    private void ReadVersions()
    {
        using var reader = DirectoryReader.Open(_directory);
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc)) continue;
            var stored = reader.Document(doc, KeyFields);
            _versions[stored.Get(Fields.Id)] = stored.GetField(Fields.Version).GetInt64Value() ?? 0;
        }
    }

    /// <summary>
    /// Every published judgment, in batches whose judgments are analysed in parallel (SmartCn is most of the cost, and the writer
    /// takes documents from several threads); a batch holds each judgment once, at its highest version, and batches follow one
    /// another, so a judgment read twice ends at its highest version. One commit, carrying the mark, at the end.
    /// </summary>
    private async Task RebuildAsync(IndexWriter writer, CancellationToken ct)
    {
        var batch = new Dictionary<string, IndexedJudgment>(StringComparer.Ordinal);
        void Write()
        {
            Parallel.ForEach(batch.Values, new ParallelOptions { CancellationToken = ct },
                j => writer.UpdateDocument(new Term(Fields.Id, j.JudgmentId), Document(j)));
            foreach (var j in batch.Values) _versions[j.JudgmentId] = j.Version;
            batch.Clear();
        }
        await foreach (var judgment in _source.PublishedAsync(ct).WithCancellation(ct))
        {
            long? held = batch.TryGetValue(judgment.JudgmentId, out var inBatch) ? inBatch.Version
                : _versions.TryGetValue(judgment.JudgmentId, out var written) ? written : null;
            if (held >= judgment.Version) continue;
            batch[judgment.JudgmentId] = judgment;
            if (batch.Count == RebuildBatch) Write();
        }
        Write();
        writer.SetCommitData(new Dictionary<string, string> { [Complete] = DateTimeOffset.UtcNow.ToString("O") });
        writer.Commit();
    }

    public Task UpsertAsync(IndexedJudgment judgment, CancellationToken ct) =>
        ChangeAsync(judgment.JudgmentId, judgment.Version, () => Document(judgment), ct);

    public Task RemoveAsync(string judgmentId, long version, CancellationToken ct) =>
        ChangeAsync(judgmentId, version, () => Tombstone(judgmentId, version), ct);

    /// <summary>Applies a change if its version is above the one held; committed and visible to searches when this returns.</summary>
    private async Task ChangeAsync(string judgmentId, long version, Func<Document> document, CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            await OpenAsync(ct);
            if (_versions.TryGetValue(judgmentId, out var held) && held >= version) return;
            _writer!.UpdateDocument(new Term(Fields.Id, judgmentId), document());
            _writer.Commit();
            _versions[judgmentId] = version;
            _searchers!.MaybeRefreshBlocking();
        }
        finally
        {
            _writing.Release();
        }
    }

    private static Document Document(IndexedJudgment j) =>
    [
        new StringField(Fields.Id, j.JudgmentId, Field.Store.YES),
        new StoredField(Fields.Version, j.Version),
        new StringField(Fields.State, Published, Field.Store.NO),
        new StringField(Fields.CaseNumber, j.CaseNumber, Field.Store.YES),
        new StringField(Fields.Court, j.Court, Field.Store.YES),
        new StringField(Fields.Cause, j.Cause, Field.Store.YES),
        new Int32Field(Fields.DecidedOn, j.DecidedOn.DayNumber, Field.Store.YES),
        new NumericDocValuesField(Fields.DecidedOnOrder, j.DecidedOn.DayNumber),
        new StoredField(Fields.PublishedOn, j.PublishedOn.DayNumber),
        new StoredField(Fields.Title, j.Title),
        new StoredField(Fields.Text, j.Text),
        new TextField(Fields.Content, Searched(j), Field.Store.NO),
        new TextField(Fields.Characters, Searched(j), Field.Store.NO),
    ];

    private static string Searched(IndexedJudgment j) => SearchText.Normalised(j.Title + "\n" + j.Text);

    private static Document Tombstone(string judgmentId, long version) =>
    [
        new StringField(Fields.Id, judgmentId, Field.Store.YES),
        new StoredField(Fields.Version, version),
        new StringField(Fields.State, Withdrawn, Field.Store.NO),
    ];

    public async Task<JudgmentHits> SearchAsync(JudgmentQuery query, CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        var words = SearchText.Words(query.Text);
        var textQuery = words.Count == 0 ? new MatchAllDocsQuery() : AllWords(words);
        var filter = new QueryWrapperFilter(Filters(query));
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        var searchers = _searchers!;
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(textQuery, filter, (int)Math.Clamp((long)skip + take, 1, int.MaxValue),
                words.Count == 0 ? Newest : Relevance, doDocScores: false, doMaxScore: false);
            var hits = top.ScoreDocs.Skip(skip).Take(take).Select(d => Hit(searcher.Doc(d.Doc), words)).ToList();
            return new JudgmentHits(top.TotalHits, hits);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private static JudgmentHit Hit(Document d, IReadOnlyList<string> words) => new(d.Get(Fields.Id), d.Get(Fields.CaseNumber),
        d.Get(Fields.Court), d.Get(Fields.Cause), DateOnly.FromDayNumber(d.GetField(Fields.DecidedOn).GetInt32Value() ?? 0),
        d.Get(Fields.Title), SearchText.Excerpt(d.Get(Fields.Text), words));

    /// <summary>
    /// Every word must occur, its characters together. SmartCn alone would miss some: it segments a word differently alone and
    /// in a sentence (违约金 alone is one token, in 被告支付违约金 it is 违约 and 金), so a phrase of the query's tokens does
    /// not match. Each word is therefore a phrase of its characters (found wherever they stand together, in any segmentation)
    /// or a phrase of its SmartCn words, which adds to the score where the text segments it as the query does.
    /// </summary>
    private Query AllWords(IReadOnlyList<string> words)
    {
        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var either = new BooleanQuery();
            foreach (var field in new[] { Fields.Characters, Fields.Content })
                if (Phrase(field, word) is { } phrase) either.Add(phrase, Occur.SHOULD);
            if (either.Clauses.Count > 0) all.Add(either, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? new MatchAllDocsQuery() : all;
    }

    /// <summary>The tokens the field's analyzer makes of a word, in their places: a term for one, a phrase for several.</summary>
    private Query? Phrase(string field, string word)
    {
        var phrase = new PhraseQuery();
        var terms = new List<Term>();
        using (var tokens = _analyzer.GetTokenStream(field, word))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            var increment = tokens.AddAttribute<IPositionIncrementAttribute>();
            tokens.Reset();
            var position = -1;
            while (tokens.IncrementToken())
            {
                position += increment.PositionIncrement;
                var t = new Term(field, term.ToString());
                terms.Add(t);
                phrase.Add(t, position);
            }
            tokens.End();
        }
        return terms.Count switch { 0 => null, 1 => new TermQuery(terms[0]), _ => phrase };
    }

    private static BooleanQuery Filters(JudgmentQuery query)
    {
        var filters = new BooleanQuery { { new TermQuery(new Term(Fields.State, Published)), Occur.MUST } };
        var exact = new[] { (Fields.CaseNumber, query.CaseNumber), (Fields.Court, query.Court), (Fields.Cause, query.Cause) };
        foreach (var (field, value) in exact)
            if (!string.IsNullOrWhiteSpace(value)) filters.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        if (query.From is not null || query.To is not null)
            filters.Add(NumericRangeQuery.NewInt32Range(Fields.DecidedOn, query.From?.DayNumber, query.To?.DayNumber, true, true),
                Occur.MUST);
        return filters;
    }

    public void Dispose()
    {
        _writing.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            _searchers?.Dispose();
            _writer?.Dispose();
            _analyzer.Dispose();
            _directory.Dispose();
        }
        finally
        {
            _writing.Release();
        }
    }
}
