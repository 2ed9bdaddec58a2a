using System.Buffers.Text;
using System.Security.Cryptography;
using ECourt.Adapters.Identity;
using ECourt.Application.Cases;
using Microsoft.AspNetCore.Http;

namespace ECourt.Functions.Http;

/// <summary>
/// Who may keep an answer and how it is validated, decided once for every route. An answer's ETag is strong: a digest of its
/// bytes as served to this caller, so it covers everything the answer depends on (the case and its rows, court time, who
/// asks and what that caller may see); an answer about one case leads it with the case's version, which If-Match names
/// (<see cref="CaseVersionTag"/>). A read whose If-None-Match names the tag it would have is 304: it would be byte-identical.
/// Cache-Control: a public route's answer to an anonymous caller may be kept by anyone for a short while; every other answer
/// holds data of the caller or of a case, so only the caller's own cache keeps it and revalidates it each time; a problem is
/// never kept.
/// </summary>
public static class AnswerCaching
{
    /// <summary>Fee quotes, calendars and the deadline calculator change only when the court publishes: five minutes is short.</summary>
    public const int PublicMaxAgeSeconds = 300;

    public const string PublicRead = "public, max-age=300";

    public const string Personal = "private, no-cache";

    public const string Problem = "no-store";

    /// <summary>What a public route's answer varies by besides its URL: the caller's identity (a signed-in caller may see more).</summary>
    public const string PublicVary = "Authorization, " + ClientPrincipal.HeaderName;

    public static string CacheControl(bool publicRoute, HttpRequest request, int status) =>
        status >= 400 ? Problem
        : publicRoute && !HasCredentials(request) && HttpMethods.IsGet(request.Method) ? PublicRead
        : Personal;

    private static bool HasCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ClientPrincipal.HeaderName);

    /// <summary>The strong tag of an answer's bytes; <paramref name="caseVersion"/>: the answer is about a case at that version.</summary>
    public static string Tag(ReadOnlySpan<byte> body, int? caseVersion)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        // 128 bits tell answers apart; base64url has no '.', which separates the version.
        var digest = Base64Url.EncodeToString(hash[..16]);
        return caseVersion is { } version ? CaseVersionTag.Of(version, digest) : $"\"{digest}\"";
    }

    /// <summary>
    /// True when the request's If-None-Match names <paramref name="tag"/> (or is "*"): compared weakly, as RFC 9110 says for
    /// If-None-Match, since a cache may have weakened a strong tag it kept.
    /// </summary>
    public static bool NoneMatchFails(HttpRequest request, string tag)
    {
        foreach (var value in request.Headers.IfNoneMatch)
            foreach (var item in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (item == "*" || (item.StartsWith("W/", StringComparison.Ordinal) ? item[2..] : item) == tag)
                    return true;
        return false;
    }
}
