using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ECourt.Functions.Http;

/// <summary>The Idempotency-Key header of writes that create something: 1 to 100 visible ASCII characters.</summary>
public static partial class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The key's form, as the API document publishes it.</summary>
    public const string Form = "^[\\x21-\\x7E]{1,100}$";

    public static string? Read(HttpRequest request)
    {
        var key = request.Headers[HeaderName].FirstOrDefault();
        if (key is null) return null;
        if (!Pattern().IsMatch(key)) throw ApiProblem.Validation(HeaderName, "An idempotency key has 1 to 100 visible ASCII characters.");
        return key;
    }

    [GeneratedRegex(Form)]
    private static partial Regex Pattern();
}
