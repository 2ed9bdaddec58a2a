using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace ECourt.Functions.Http;

/// <summary>A list as the API returns it: <c>{ "items": [...], "continuationToken": "..." }</c> (null on the last page).</summary>
public sealed record ListAnswer<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);

/// <summary>The paging query of list routes: pageSize (1–100, default 50) and an opaque continuationToken.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static (int PageSize, string? Token) Read(HttpRequest req)
    {
        var size = DefaultPageSize;
        if (req.Query.TryGetValue("pageSize", out var text) && (!int.TryParse(text, out size) || size is < 1 or > MaxPageSize))
            throw ApiProblem.Validation("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        string? token = req.Query["continuationToken"];
        if (token is { Length: > 512 }) throw ApiProblem.Validation("continuationToken", "Not a token this API issued.");
        try { _ = Adapters.Storage.TableKeys.FromToken(token); }
        catch (ArgumentException) { throw ApiProblem.Validation("continuationToken", "Not a token this API issued."); }
        return (size, string.IsNullOrEmpty(token) ? null : token);
    }
}

/// <summary>The headers of a request that the use cases take: If-Match and Idempotency-Key.</summary>
public static class RequestHeaders
{
    public static string? IfMatch(HttpRequest request) => request.Headers.IfMatch.FirstOrDefault();
}
