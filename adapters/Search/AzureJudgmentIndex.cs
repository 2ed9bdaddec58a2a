using System.Text;
using Azure;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using Azure.Search.Documents.Indexes.Models;
using Azure.Search.Documents.Models;
using ECourt.Application.Publication;

namespace ECourt.Adapters.Search;

/// <summary>
/// The public search in Azure: an Azure AI Search index created (or brought up to date) at start-up. The searched fields are
/// a Simplified copy of each judgment's title and text, twice, as the embedded engine has them: under zh-Hans.lucene, which is
/// SmartCn (words), and under standard.lucene, which cuts Chinese into characters, so that a word is found wherever its
/// characters stand together however SmartCn segments the sentence (<see cref="LuceneJudgmentIndex"/>). The published text
/// is kept beside them for excerpts, neither searched nor filtered. A withdrawn judgment is replaced by a tombstone
/// (withdrawn, its version, no text) that every search filters out.
/// </summary>
public sealed class AzureJudgmentIndex(SearchIndexClient indexes, string indexName) : IJudgmentIndex
{
    private static class Fields
    {
        public const string Key = "key";
        public const string JudgmentId = "judgmentId";
        public const string Version = "version";
        public const string Withdrawn = "withdrawn";
        public const string CaseNumber = "caseNumber";
        public const string Court = "court";
        public const string Cause = "cause";
        public const string DecidedOn = "decidedOn";
        public const string PublishedOn = "publishedOn";
        public const string Title = "title";
        public const string Text = "text";
        public const string Content = "content";
        public const string Characters = "characters";
    }

    private static readonly string[] HitFields =
        [Fields.JudgmentId, Fields.CaseNumber, Fields.Court, Fields.Cause, Fields.DecidedOn, Fields.Title, Fields.Text];

    private readonly SearchClient _documents = indexes.GetSearchClient(indexName);
    private volatile bool _ready;

    /// <summary>The index's definition: what EnsureReadyAsync creates or updates.</summary>
    public static SearchIndex Definition(string name) => new(name)
    {
        Fields =
        {
            new SimpleField(Fields.Key, SearchFieldDataType.String) { IsKey = true },
            new SimpleField(Fields.JudgmentId, SearchFieldDataType.String) { IsFilterable = true, IsSortable = true },
            new SimpleField(Fields.Version, SearchFieldDataType.Int64),
            new SimpleField(Fields.Withdrawn, SearchFieldDataType.Boolean) { IsFilterable = true },
            new SimpleField(Fields.CaseNumber, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(Fields.Court, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(Fields.Cause, SearchFieldDataType.String) { IsFilterable = true },
            new SimpleField(Fields.DecidedOn, SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsSortable = true },
            new SimpleField(Fields.PublishedOn, SearchFieldDataType.DateTimeOffset),
            new SimpleField(Fields.Title, SearchFieldDataType.String),
            new SimpleField(Fields.Text, SearchFieldDataType.String),
            new SearchableField(Fields.Content) { AnalyzerName = LexicalAnalyzerName.ZhHansLucene, IsHidden = true },
            new SearchableField(Fields.Characters) { AnalyzerName = LexicalAnalyzerName.StandardLucene, IsHidden = true },
        },
    };

    public async Task EnsureReadyAsync(CancellationToken ct)
    {
        if (_ready) return;
        await indexes.CreateOrUpdateIndexAsync(Definition(indexName), cancellationToken: ct);
        _ready = true;
    }

    public async Task UpsertAsync(IndexedJudgment judgment, CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        if (await HeldVersionAsync(judgment.JudgmentId, ct) >= judgment.Version) return;
        await WriteAsync(new SearchDocument
        {
            [Fields.Key] = Key(judgment.JudgmentId),
            [Fields.JudgmentId] = judgment.JudgmentId,
            [Fields.Version] = judgment.Version,
            [Fields.Withdrawn] = false,
            [Fields.CaseNumber] = judgment.CaseNumber,
            [Fields.Court] = judgment.Court,
            [Fields.Cause] = judgment.Cause,
            [Fields.DecidedOn] = Instant(judgment.DecidedOn),
            [Fields.PublishedOn] = Instant(judgment.PublishedOn),
            [Fields.Title] = judgment.Title,
            [Fields.Text] = judgment.Text,
            [Fields.Content] = SearchText.Normalised(judgment.Title + "\n" + judgment.Text),
            [Fields.Characters] = SearchText.Normalised(judgment.Title + "\n" + judgment.Text),
        }, ct);
    }

    public async Task RemoveAsync(string judgmentId, long version, CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        if (await HeldVersionAsync(judgmentId, ct) >= version) return;
        // Every field is named, the withdrawn text as null: a merge keeps what it is not given, and nothing of a withdrawn
        // judgment's text may stay in the index.
        await WriteAsync(new SearchDocument
        {
            [Fields.Key] = Key(judgmentId),
            [Fields.JudgmentId] = judgmentId,
            [Fields.Version] = version,
            [Fields.Withdrawn] = true,
            [Fields.CaseNumber] = null,
            [Fields.Court] = null,
            [Fields.Cause] = null,
            [Fields.DecidedOn] = null,
            [Fields.PublishedOn] = null,
            [Fields.Title] = null,
            [Fields.Text] = null,
            [Fields.Content] = null,
            [Fields.Characters] = null,
        }, ct);
    }

    /// <summary>
    /// The version the index holds for a judgment, published or withdrawn (0: none). Reading it and then writing is not atomic,
    /// and the service has no conditional write of a document; it is enough because one queue consumer applies a judgment's
    /// messages in the order of their versions: the only message that can arrive after a later one is a stale redelivery, and
    /// this read refuses it.
    /// </summary>
    private async Task<long> HeldVersionAsync(string judgmentId, CancellationToken ct)
    {
        try
        {
            var held = await _documents.GetDocumentAsync<SearchDocument>(Key(judgmentId),
                new GetDocumentOptions { SelectedFields = { Fields.Version } }, ct);
            return held.Value.GetInt64(Fields.Version) ?? 0;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    private Task WriteAsync(SearchDocument document, CancellationToken ct) =>
        _documents.IndexDocumentsAsync(IndexDocumentsBatch.MergeOrUpload([document]),
            new IndexDocumentsOptions { ThrowOnAnyError = true }, ct);

    public async Task<JudgmentHits> SearchAsync(JudgmentQuery query, CancellationToken ct)
    {
        await EnsureReadyAsync(ct);
        var words = SearchText.Words(query.Text);
        var take = Math.Max(0, query.Take);
        var options = new SearchOptions
        {
            Filter = Filter(query),
            Skip = Math.Max(0, query.Skip),
            Size = take,
            IncludeTotalCount = true,
            // Every word must occur, each as a phrase in either field: the embedded engine's semantics.
            SearchMode = SearchMode.All,
            QueryType = SearchQueryType.Simple,
            SearchFields = { Fields.Characters, Fields.Content },
        };
        foreach (var field in HitFields) options.Select.Add(field);
        if (words.Count == 0)
        {
            options.OrderBy.Add($"{Fields.DecidedOn} desc");
            options.OrderBy.Add($"{Fields.JudgmentId} asc");
        }
        // Words hold only letters and digits (SearchText.Words), so a quoted word needs no escaping.
        var search = words.Count == 0 ? "*" : string.Join(' ', words.Select(w => $"\"{w}\""));
        var results = (await _documents.SearchAsync<SearchDocument>(search, options, ct)).Value;
        var hits = new List<JudgmentHit>(take);
        await foreach (var result in results.GetResultsAsync().WithCancellation(ct))
        {
            if (hits.Count == take) break;
            var d = result.Document;
            hits.Add(new JudgmentHit(d.GetString(Fields.JudgmentId), d.GetString(Fields.CaseNumber), d.GetString(Fields.Court),
                d.GetString(Fields.Cause), DateOnly.FromDateTime(d.GetDateTimeOffset(Fields.DecidedOn)!.Value.UtcDateTime),
                d.GetString(Fields.Title), SearchText.Excerpt(d.GetString(Fields.Text), words)));
        }
        return new JudgmentHits(results.TotalCount ?? hits.Count, hits);
    }

    /// <summary>
    /// The OData filter: values go through <see cref="SearchFilter.Create(FormattableString)"/>, which quotes and escapes them;
    /// the field names are in the format itself (an interpolated name would be quoted as a value).
    /// </summary>
    private static string Filter(JudgmentQuery query)
    {
        var filters = new List<string> { "withdrawn eq false" };
        if (Given(query.CaseNumber) is { } caseNumber) filters.Add(SearchFilter.Create($"caseNumber eq {caseNumber}"));
        if (Given(query.Court) is { } court) filters.Add(SearchFilter.Create($"court eq {court}"));
        if (Given(query.Cause) is { } cause) filters.Add(SearchFilter.Create($"cause eq {cause}"));
        if (query.From is { } from) filters.Add(SearchFilter.Create($"decidedOn ge {Instant(from)}"));
        if (query.To is { } to) filters.Add(SearchFilter.Create($"decidedOn le {Instant(to)}"));
        return string.Join(" and ", filters);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A court date as the index keeps it: midnight UTC of that day (the service has no date-only type).</summary>
    private static DateTimeOffset Instant(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// A document key the service accepts whatever the judgment id holds (letters, digits, '-', '_' and '=', not starting with
    /// '_'): "j" and the id's UTF-8 in URL-safe base64. The id itself is kept in its own field.
    /// </summary>
    public static string Key(string judgmentId) =>
        "j" + Convert.ToBase64String(Encoding.UTF8.GetBytes(judgmentId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
