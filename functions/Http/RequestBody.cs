using System.Text.Json;
using ECourt.Application.Cases;
using Microsoft.AspNetCore.Http;

namespace ECourt.Functions.Http;

/// <summary>Reads request bodies within their limits, refusing what cannot be read with the field it concerns.</summary>
public static class RequestBody
{
    public const int MaxJsonBytes = 1024 * 1024;

    public static async Task<T> ReadJsonAsync<T>(HttpRequest request) where T : class => Parse<T>(await ReadJsonBytesAsync(request));

    /// <summary>The raw JSON body, checked for its media type and size.</summary>
    public static async Task<byte[]> ReadJsonBytesAsync(HttpRequest request)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
            throw ApiProblem.UnsupportedMediaType("Send the body as application/json.");
        return await ReadBytesAsync(request, MaxJsonBytes, "A JSON body is at most 1 MiB.");
    }

    /// <summary>
    /// The body as its request record, held to the bounds the record declares (<see cref="RequestBounds"/>) before any use
    /// case reads it: a string or list over its bound is refused (400) naming it, and nothing is changed.
    /// </summary>
    public static T Parse<T>(byte[] bytes) where T : class
    {
        T request;
        try
        {
            request = JsonSerializer.Deserialize<T>(bytes, ApiJson.RequestOptions) ?? throw ApiProblem.Malformed("The body is empty.");
        }
        catch (JsonException ex)
        {
            // A value of the wrong type names its field; anything else is not JSON at all.
            var field = FieldOf(ex.Path);
            if (field is not null && ex.Message.Contains("could not be converted", StringComparison.Ordinal))
                throw ApiProblem.Validation(field, "The value has the wrong type: money and identifiers are strings, lists are arrays.");
            throw ApiProblem.Malformed($"The body is not valid JSON: {ex.Message}");
        }
        RequestBounds.Check(request);
        return request;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; more is refused with 413 before anything is written.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long limit, string tooLarge)
    {
        if (request.ContentLength is { } declared && declared > limit) throw ApiProblem.TooLarge(tooLarge);
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)Math.Min(n, limit) : 8192);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit) throw ApiProblem.TooLarge(tooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>"$.parties[0].idNumber" → "parties[0].idNumber"; "$" → null.</summary>
    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
}
