using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace ECourt.Adapters.Communication;

/// <summary>
/// Communication Services' HMAC-SHA256 request signing: the request's method, path and query, date,
/// host and body hash, signed with the resource's access key. What Microsoft's SDKs do; the tests hold
/// it to requests captured from them.
/// </summary>
public static class AcsRequestSigner
{
    public const string SignedHeaders = "x-ms-date;host;x-ms-content-sha256";

    public static string ContentHash(ReadOnlySpan<byte> body) => Convert.ToBase64String(SHA256.HashData(body));

    public static string Date(DateTimeOffset now) => now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{pathAndQuery}\n{date};{host};{contentHash}";

    public static string Authorization(byte[] accessKey, string stringToSign) =>
        $"HMAC-SHA256 SignedHeaders={SignedHeaders}&Signature={Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)))}";

    /// <summary>Sets x-ms-date, x-ms-content-sha256 and Authorization on the request.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, byte[] accessKey, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no address.");
        var date = Date(now);
        var hash = ContentHash(body);
        request.Headers.Remove("x-ms-date");
        request.Headers.Remove("x-ms-content-sha256");
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        var authorization = Authorization(accessKey, StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, hash));
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
    }
}
