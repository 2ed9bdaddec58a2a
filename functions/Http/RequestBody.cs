using System.Buffers;
using System.Text.Json;
using ECourt.Application.Cases;
using ECourt.Functions.OpenApi;
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
    /// The body as its request record, held to the record's <see cref="RequestContract"/> before it is read into the record,
    /// so before any use case sees it: every field it names and every value it holds is one the API document declares, or the
    /// body is refused (400) naming each field that is not, with what was expected, and nothing is changed.
    /// </summary>
    public static T Parse<T>(byte[] bytes) where T : class
    {
        if (bytes.Length == 0) throw ApiProblem.Malformed("The body is empty: send a JSON object.");
        Dictionary<string, string[]> violations;
        try
        {
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw ApiProblem.Malformed($"The body is a JSON object ({ApiSchemas.Name(typeof(T))} in the API document), "
                    + $"not {Described(json.RootElement.ValueKind)}.");
            violations = RequestContract.Violations(json.RootElement, typeof(T));
        }
        catch (JsonException ex)
        {
            throw ApiProblem.Malformed($"The body is not valid JSON: {ex.Message}");
        }
        if (violations.Count > 0) throw ApiProblem.Validation(violations);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, ApiJson.RequestOptions)!;
        }
        catch (JsonException)
        {
            // The contract admits only what the record reads; this is the court's defect, not the caller's.
            throw new InvalidOperationException($"A body that keeps {ApiSchemas.Name(typeof(T))}'s contract could not be read into it.");
        }
    }

    private static string Described(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    /// <summary>Reads at most <paramref name="limit"/> bytes; more is refused with 413 before anything is written.</summary>
    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, long limit, string tooLarge)
    {
        if (request.ContentLength is { } declared && declared > limit) throw ApiProblem.TooLarge(tooLarge);
        using var buffer = new MemoryStream(request.ContentLength is { } n ? (int)Math.Min(n, limit) : 8192);
        // Every request reads its body through this: a pooled chunk, not 80 KiB allocated each time.
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit) throw ApiProblem.TooLarge(tooLarge);
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
