using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ECourt.Functions.Http;

/// <summary>The Idempotency-Key header of writes that create something: 1 to 100 visible ASCII characters.</summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    public static string? Read(HttpRequest request)
    {
        var key = request.Headers[HeaderName].FirstOrDefault();
        if (key is null) return null;
        if (!Pattern().IsMatch(key)) throw ApiProblem.Validation(HeaderName, "An idempotency key has 1 to 100 visible ASCII characters.");
        return key;
    }

    [GeneratedRegex("^[\\x21-\\x7E]{1,100}$")]
    private static partial Regex Pattern();
}
