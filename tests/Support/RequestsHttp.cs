using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ECourt.Functions.OpenApi;

namespace ECourt.Testing;

/// <summary>
/// The requests of requests.http that send a JSON body to an operation of the API document, with the file's own variables
/// (<c>@name = value</c>) put in as an editor that runs the file would. The first such request of an operation is its
/// request example in the document, so the example a client reads is a request a developer can send.
/// </summary>
public static partial class RequestsHttp
{
    /// <param name="Title">the request's <c>###</c> line</param>
    public sealed record Request(string Title, string Method, string Path, string OperationId, JsonNode Body);

    public static string FilePath => Path.Combine(RepositoryRoot, "requests.http");

    /// <summary>The folder holding ECourt.sln, above the test's output.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ECourt.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ECourt.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every request of the file that sends JSON to an operation of the document (the local host's own routes are none).</summary>
    public static IReadOnlyList<Request> JsonBodies() => Read(File.ReadAllText(FilePath));

    /// <summary>The first request of each operation: the body its example in the document must be.</summary>
    public static IReadOnlyDictionary<string, Request> FirstByOperation() =>
        JsonBodies().GroupBy(r => r.OperationId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static IReadOnlyList<Request> Read(string text)
    {
        var variables = Variable().Matches(text)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);
        var found = new List<Request>();
        foreach (var block in ("\n" + text).Split("\n###").Skip(1))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            var requestLine = lines.FindIndex(l => RequestLine().IsMatch(l));
            if (requestLine < 0) continue;
            var match = RequestLine().Match(lines[requestLine]);
            var method = match.Groups[1].Value.ToLowerInvariant();
            // Which operation a path is needs no value: any segment stands for a path parameter.
            var path = "/api" + Use().Replace(match.Groups[2].Value.Split('?')[0], "v");
            var blank = lines.FindIndex(requestLine, string.IsNullOrWhiteSpace);
            var json = blank < 0 ? "" : string.Join('\n', lines.Skip(blank + 1)).Trim();
            if (!json.StartsWith('{') && !json.StartsWith('[')) continue;
            if (OperationOf(method, path) is not { } operationId) continue; // a local-only route
            found.Add(new Request(lines[0].Trim(), method, path, operationId, JsonNode.Parse(Resolve(json, variables))!));
        }
        return found;
    }

    /// <summary>The text with each {{name}} replaced by the file's value of it; a name the file does not define is an error.</summary>
    private static string Resolve(string text, Dictionary<string, string> variables) => Use().Replace(text, m =>
        variables.TryGetValue(m.Groups[1].Value, out var value) ? value
            : throw new InvalidOperationException($"requests.http uses {m.Value} but defines no @{m.Groups[1].Value}."));

    private static string? OperationOf(string method, string path) => ApiDocument.Operations
        .Where(o => !o.Api.Hidden && o.Method == method)
        // A literal segment wins over a parameter: /api/inbox/open is not /api/inbox/items/{itemId}.
        .OrderBy(o => o.Path.Count(c => c == '{'))
        .FirstOrDefault(o => Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(o.Path), @"\\\{\w+}", "[^/]+") + "$"))
        ?.OperationId;

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) \{\{base\}\}(\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^@(\w+)\s*=(.*)$", RegexOptions.Multiline)]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex Use();
}
