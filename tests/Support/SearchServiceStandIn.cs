using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ECourt.Testing;

/// <summary>
/// A stand-in for Azure AI Search that speaks its REST protocol, for the real client (Azure.Search.Documents) through its
/// transport: create or update an index (PUT /indexes('name') or /indexes/name), a batch of index actions
/// (POST …/docs/search.index or …/docs/index: upload, merge, mergeOrUpload, delete), a lookup by key
/// (GET …/docs('key') or …/docs/key, with $select) and a search (POST …/docs/search.post.search or …/docs/search: search,
/// searchMode, searchFields, filter, orderby, select, skip, top, count). What it does not do as the service does: <c>search</c> is plain
/// substring matching (case-insensitive) of each quoted phrase or bare word in the index's searchable fields, with no
/// analyzer; a document's score is how often they occur; <c>filter</c> understands the OData subset the court's adapter
/// emits (comparisons joined by <c>and</c>); anything else is refused with 400, so a test sees a query it does not cover.
/// Every request needs an api-version and credentials (a bearer token or an api-key), as the service does.
/// </summary>
public sealed partial class SearchServiceStandIn : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (JsonObject Definition, Dictionary<string, JsonObject> Documents)> _indexes =
        new(StringComparer.Ordinal);

    /// <summary>While set, every request is answered 503, as a service that is down or throttled is.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Each request as "METHOD path", in order.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The definition an index was last created or updated with, as the client sent it.</summary>
    public JsonObject? Definition(string index)
    {
        lock (_gate) return _indexes.TryGetValue(index, out var i) ? (JsonObject)i.Definition.DeepClone() : null;
    }

    /// <summary>The document stored under a key, as the client sent it (merged), or null.</summary>
    public JsonObject? Document(string index, string key)
    {
        lock (_gate)
            return _indexes.TryGetValue(index, out var i) && i.Documents.TryGetValue(key, out var d) ? (JsonObject)d.DeepClone() : null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        lock (_gate)
        {
            Requests.Add($"{request.Method} {path}");
            if (Unavailable) return Error(HttpStatusCode.ServiceUnavailable, "The stand-in is unavailable.");
            if (!request.RequestUri.Query.Contains("api-version=", StringComparison.Ordinal))
                return Error(HttpStatusCode.BadRequest, "api-version is required.");
            if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter.Length: > 0 } && !request.Headers.Contains("api-key"))
                return Error(HttpStatusCode.Forbidden, "No credentials.");
            try
            {
                return Route(request.Method, path, Query(request.RequestUri), body);
            }
            catch (FormatException e)
            {
                return Error(HttpStatusCode.BadRequest, e.Message);
            }
        }
    }

    private HttpResponseMessage Route(HttpMethod method, string path, Dictionary<string, string> query, string? body)
    {
        if (IndexPath().Match(path) is { Success: true } index)
        {
            var name = index.Groups["q"].Success ? index.Groups["q"].Value : index.Groups["p"].Value;
            var rest = index.Groups["rest"].Value;
            if (rest.Length == 0 && method == HttpMethod.Put) return CreateOrUpdate(name, body);
            if (!_indexes.TryGetValue(name, out var found)) return Error(HttpStatusCode.NotFound, $"No index named '{name}'.");
            if (method == HttpMethod.Post && rest is "/docs/search.index" or "/docs/index") return IndexBatch(found, body);
            if (method == HttpMethod.Post && rest is "/docs/search.post.search" or "/docs/search") return Search(found, body);
            if (method == HttpMethod.Get && DocumentPath().Match(rest) is { Success: true } doc)
                return Lookup(found, doc.Groups["q"].Success ? doc.Groups["q"].Value.Replace("''", "'") : doc.Groups["p"].Value, query);
        }
        return Error(HttpStatusCode.NotFound, $"The stand-in does not serve {method} {path}.");
    }

    [GeneratedRegex(@"^/indexes(?:\('(?<q>[^']+)'\)|/(?<p>[^/]+))(?<rest>/.*)?$")]
    private static partial Regex IndexPath();

    [GeneratedRegex(@"^/docs(?:\('(?<q>(?:[^']|'')+)'\)|/(?<p>[^/]+))$")]
    private static partial Regex DocumentPath();

    private HttpResponseMessage CreateOrUpdate(string name, string? body)
    {
        var definition = JsonNode.Parse(body ?? throw new FormatException("An index needs a definition."))!.AsObject();
        if (definition["name"]?.GetValue<string>() != name) throw new FormatException("The index's name differs from the address.");
        if (KeyField(definition) is null) throw new FormatException("An index needs one key field.");
        var created = !_indexes.TryGetValue(name, out var existing);
        _indexes[name] = (definition, existing.Documents ?? new Dictionary<string, JsonObject>(StringComparer.Ordinal));
        return Json(created ? HttpStatusCode.Created : HttpStatusCode.OK, definition.DeepClone());
    }

    private static string? KeyField(JsonObject definition) => definition["fields"]?.AsArray()
        .FirstOrDefault(f => f?["key"]?.GetValue<bool>() == true)?["name"]?.GetValue<string>();

    private static IEnumerable<string> SearchableFields(JsonObject definition) => definition["fields"]!.AsArray()
        .Where(f => f?["searchable"]?.GetValue<bool>() == true && f["type"]?.GetValue<string>() == "Edm.String")
        .Select(f => f!["name"]!.GetValue<string>());

    private static HttpResponseMessage IndexBatch((JsonObject Definition, Dictionary<string, JsonObject> Documents) index, string? body)
    {
        var key = KeyField(index.Definition)!;
        var results = new JsonArray();
        foreach (var action in JsonNode.Parse(body!)!["value"]!.AsArray())
        {
            var document = action!.AsObject().DeepClone().AsObject();
            var kind = document["@search.action"]?.GetValue<string>() ?? "upload";
            document.Remove("@search.action");
            var id = document[key]?.GetValue<string>() ?? throw new FormatException($"An action without its key field {key}.");
            var held = index.Documents.GetValueOrDefault(id);
            var status = kind switch
            {
                "upload" => Put(index.Documents, id, document, null),
                "mergeOrUpload" => Put(index.Documents, id, document, held),
                "merge" when held is not null => Put(index.Documents, id, document, held),
                "merge" => 404,
                "delete" => Delete(index.Documents, id),
                _ => throw new FormatException($"Unknown index action {kind}."),
            };
            results.Add(new JsonObject
            {
                ["key"] = id,
                ["status"] = status < 300,
                ["statusCode"] = status,
                ["errorMessage"] = status < 300 ? null : "Document not found.",
            });
        }
        return Json(results.All(r => r!["status"]!.GetValue<bool>()) ? HttpStatusCode.OK : (HttpStatusCode)207,
            new JsonObject { ["value"] = results });
    }

    private static int Put(Dictionary<string, JsonObject> documents, string id, JsonObject document, JsonObject? held)
    {
        if (held is null)
        {
            documents[id] = document;
            return 201;
        }
        foreach (var (name, value) in document) held[name] = value?.DeepClone();
        return 200;
    }

    /// <summary>The service answers 200 to a delete whether or not the document was there.</summary>
    private static int Delete(Dictionary<string, JsonObject> documents, string id)
    {
        documents.Remove(id);
        return 200;
    }

    private static HttpResponseMessage Lookup((JsonObject Definition, Dictionary<string, JsonObject> Documents) index, string key,
        Dictionary<string, string> query)
    {
        if (!index.Documents.TryGetValue(key, out var document)) return Error(HttpStatusCode.NotFound, "Document not found.");
        return Json(HttpStatusCode.OK, Selected(document, query.GetValueOrDefault("$select")));
    }

    private static JsonObject Selected(JsonObject document, string? select)
    {
        if (string.IsNullOrEmpty(select) || select == "*") return document.DeepClone().AsObject();
        var fields = select.Split(',', StringSplitOptions.TrimEntries);
        var selected = new JsonObject();
        foreach (var f in fields) selected[f] = document[f]?.DeepClone();
        return selected;
    }

    private static HttpResponseMessage Search((JsonObject Definition, Dictionary<string, JsonObject> Documents) index, string? body)
    {
        var request = JsonNode.Parse(body ?? "{}")!.AsObject();
        var terms = Terms(request["search"]?.GetValue<string>());
        var all = request["searchMode"]?.GetValue<string>() is "all" or "All";
        var filter = Filter.Parse(request["filter"]?.GetValue<string>());
        var searchable = SearchableFields(index.Definition).ToList();
        if (request["searchFields"]?.GetValue<string>() is { Length: > 0 } only)
        {
            var named = only.Split(',', StringSplitOptions.TrimEntries);
            if (named.Except(searchable).FirstOrDefault() is { } unknown)
                throw new FormatException($"{unknown} is not a searchable field.");
            searchable = named.ToList();
        }
        var found = new List<(JsonObject Document, double Score)>();
        foreach (var document in index.Documents.Values.Where(filter.Matches))
        {
            var text = string.Join("\n", searchable.Select(f => document[f]?.GetValue<string>() ?? ""));
            var counts = terms.Select(t => Occurrences(text, t)).ToList();
            if (terms.Count > 0 && (all ? counts.Any(c => c == 0) : counts.All(c => c == 0))) continue;
            found.Add((document, terms.Count == 0 ? 1.0 : counts.Sum()));
        }
        IEnumerable<(JsonObject Document, double Score)> ordered = found.OrderByDescending(f => f.Score);
        foreach (var clause in (request["orderby"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            var parts = clause.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = parts.Length > 1 && parts[1] == "desc";
            Func<(JsonObject Document, double Score), IComparable?> by = parts[0] == "search.score()"
                ? f => f.Score
                : f => Comparable(f.Document[parts[0]]);
            ordered = descending ? ordered.OrderByDescending(by) : ordered.OrderBy(by);
        }
        var page = ordered.Skip(request["skip"]?.GetValue<int>() ?? 0).Take(request["top"]?.GetValue<int>() ?? 50).ToList();
        var answer = new JsonObject();
        if (request["count"]?.GetValue<bool>() == true) answer["@odata.count"] = found.Count;
        var select = request["select"]?.GetValue<string>();
        answer["value"] = new JsonArray(page.Select(p =>
        {
            var hit = Selected(p.Document, select);
            hit["@search.score"] = p.Score;
            return (JsonNode)hit;
        }).ToArray());
        return Json(HttpStatusCode.OK, answer);
    }

    /// <summary>Quoted phrases and bare words of a simple query; "*" or nothing matches every document.</summary>
    private static List<string> Terms(string? search)
    {
        if (string.IsNullOrWhiteSpace(search) || search.Trim() == "*") return [];
        var terms = new List<string>();
        foreach (Match m in QueryTerm().Matches(search))
            terms.Add(m.Groups["phrase"].Success ? m.Groups["phrase"].Value : m.Groups["word"].Value);
        return terms;
    }

    [GeneratedRegex("\"(?<phrase>[^\"]*)\"|(?<word>[^\\s\"]+)")]
    private static partial Regex QueryTerm();

    private static int Occurrences(string text, string term)
    {
        var count = 0;
        for (var i = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(term, i + term.Length,
            StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }

    private static IComparable? Comparable(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String when Instant().IsMatch(value.GetValue<string>()) => DateTimeOffset.Parse(value.GetValue<string>(),
            CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.GetValue<double>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex Instant();

    /// <summary>
    /// Comparisons (eq, ne, gt, ge, lt, le) of a field with a literal ('text', true, false, null, a number, a date), joined by and.
    /// </summary>
    private sealed partial class Filter
    {
        private readonly List<(string Field, string Op, IComparable? Value)> _clauses = [];

        public static Filter Parse(string? filter)
        {
            var parsed = new Filter();
            if (string.IsNullOrWhiteSpace(filter)) return parsed;
            var at = 0;
            while (true)
            {
                var m = Clause().Match(filter, at);
                if (!m.Success || m.Index != at) throw NotUnderstood(filter, at);
                parsed._clauses.Add((m.Groups["field"].Value, m.Groups["op"].Value, Literal(m.Groups["value"].Value)));
                at = m.Index + m.Length;
                if (at == filter.Length) return parsed;
                var and = And().Match(filter, at);
                if (!and.Success || and.Index != at) throw NotUnderstood(filter, at);
                at += and.Length;
            }
        }

        private static FormatException NotUnderstood(string filter, int at) =>
            new($"The stand-in does not understand the filter at: {filter[at..]}");

        [GeneratedRegex(
            @"\s*(?<field>[A-Za-z_][A-Za-z0-9_]*)\s+(?<op>eq|ne|gt|ge|lt|le)\s+(?<value>'(?:[^']|'')*'|true|false|null|[-+0-9.:TZ]+)\s*")]
        private static partial Regex Clause();

        [GeneratedRegex(@"and\s+")]
        private static partial Regex And();

        private static IComparable? Literal(string text)
        {
            if (text.StartsWith('\'')) return text[1..^1].Replace("''", "'");
            if (text == "null") return null;
            if (text is "true" or "false") return text == "true";
            if (Instant().IsMatch(text)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            throw new FormatException($"The stand-in does not understand the literal {text}.");
        }

        public bool Matches(JsonObject document) => _clauses.All(c =>
        {
            var held = Comparable(document[c.Field]);
            if (c.Op is "eq" or "ne")
                return Equals(held, c.Value) == (c.Op == "eq");
            if (held is null || c.Value is null || held.GetType() != c.Value.GetType()) return false;
            var order = held.CompareTo(c.Value);
            return c.Op switch { "gt" => order > 0, "ge" => order >= 0, "lt" => order < 0, _ => order <= 0 };
        });
    }

    private static Dictionary<string, string> Query(Uri uri) => uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Error(HttpStatusCode status, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = status.ToString(), ["message"] = message } });
}
