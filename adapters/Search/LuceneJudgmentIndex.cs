using ECourt.Application.Publication;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
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
/// text, twice: segmented into words by SmartCn, and cut into characters and bigrams (<see cref="AllWords"/> says why). One
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
    // SmartCn for words; for characters, the standard tokenizer (Chinese cut into single characters, runs of letters and digits
    // kept whole: an identity number is one token), lower case, and each character with the next one as a bigram beside it.
    private readonly Analyzer _analyzer = new PerFieldAnalyzerWrapper(new SmartChineseAnalyzer(Version),
        new Dictionary<string, Analyzer> { [Fields.Characters] = CharactersAndBigrams() });

    private static Analyzer CharactersAndBigrams() => Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream tokens = new LowerCaseFilter(Version, source);
        tokens = new CJKBigramFilter(tokens, CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL,
            outputUnigrams: true);
        return new TokenStreamComponents(source, tokens);
    });

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
    /// another, so a judgment read twice ends at its highest version. Merged into one segment and committed once, with the
    /// mark, at the end.
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
        // One segment: a search visits each segment's term dictionaries for every clause, and halves its time on one.
        writer.ForceMerge(1);
        // Only the mark's presence is read: a rebuild that did not finish commits without it.
        writer.SetCommitData(new Dictionary<string, string> { [Complete] = "true" });
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
        var search = Filtered(words.Count == 0 ? new MatchAllDocsQuery() : AllWords(words), query);
        var skip = Math.Max(0, query.Skip);
        var take = Math.Max(0, query.Take);
        var searchers = _searchers!;
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(search, null, (int)Math.Clamp((long)skip + take, 1, int.MaxValue),
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
    /// not match. Each word is therefore a phrase of its characters (found wherever they stand together, in any segmentation),
    /// asked as bigrams where it has them (违约金: 违约 then 约金; a bigram's postings are far shorter than a character's), or
    /// a phrase of its SmartCn words, which adds to the score where the text segments it as the query does.
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

    /// <summary>
    /// The tokens the field's analyzer makes of a word, in their places: a term for one, a phrase for several. A single character
    /// that a bigram covers (the bigram's own place or the next) is left out: the bigram already asks for it.
    /// </summary>
    private Query? Phrase(string field, string word)
    {
        var tokens = new List<(string Term, int Position, bool Bigram)>();
        using (var stream = _analyzer.GetTokenStream(field, word))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((term.ToString(), position, type.Type == CJKBigramFilter.DOUBLE_TYPE));
            }
            stream.End();
        }
        var covered = tokens.Where(t => t.Bigram).SelectMany(t => new[] { t.Position, t.Position + 1 }).ToHashSet();
        var asked = tokens.Where(t => t.Bigram || !covered.Contains(t.Position)).ToList();
        if (asked.Count == 0) return null;
        if (asked.Count == 1) return new TermQuery(new Term(field, asked[0].Term));
        var phrase = new PhraseQuery();
        foreach (var t in asked) phrase.Add(new Term(field, t.Term), t.Position);
        return phrase;
    }

    /// <summary>
    /// The text's query, without tombstones, within the exact filters and the date range: clauses of one conjunction, which
    /// Lucene leads by its rarest, each filter scoring nothing so the order stays the text's relevance.
    /// </summary>
    private static BooleanQuery Filtered(Query text, JudgmentQuery query)
    {
        var all = new BooleanQuery { { text, Occur.MUST }, { new TermQuery(new Term(Fields.State, Withdrawn)), Occur.MUST_NOT } };
        void Filter(Query filter) => all.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        var exact = new[] { (Fields.CaseNumber, query.CaseNumber), (Fields.Court, query.Court), (Fields.Cause, query.Cause) };
        foreach (var (field, value) in exact)
            if (!string.IsNullOrWhiteSpace(value)) Filter(new TermQuery(new Term(field, value.Trim())));
        if (query.From is not null || query.To is not null)
            Filter(NumericRangeQuery.NewInt32Range(Fields.DecidedOn, query.From?.DayNumber, query.To?.DayNumber, true, true));
        return all;
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
