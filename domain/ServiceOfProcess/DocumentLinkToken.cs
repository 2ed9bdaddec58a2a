using System.Security.Cryptography;
using System.Text;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// The signed, expiring token in a notice's link to an inbox item (DOMAIN.md: SMS and email carry a link,
/// never the document). It names the item and the time it expires, and an HMAC-SHA256 over both with the
/// court's link key; a changed or expired token is refused. The token opens nothing by itself: the
/// reader still signs in, and the item is the recipient's only.
/// </summary>
public static class DocumentLinkToken
{
    public static string Issue(byte[] key, string itemId, DateTimeOffset expiresAt)
    {
        var payload = $"{itemId}.{expiresAt.ToUnixTimeSeconds()}";
        return $"{payload}.{Base64Url(Mac(key, payload))}";
    }

    public enum Check { Valid, Expired, Tampered }

    public static (Check Result, string? ItemId) Verify(byte[] key, string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || !long.TryParse(parts[1], out var expires)) return (Check.Tampered, null);
        var expected = Mac(key, $"{parts[0]}.{parts[1]}");
        byte[] given;
        try { given = FromBase64Url(parts[2]); }
        catch (FormatException) { return (Check.Tampered, null); }
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return (Check.Tampered, null);
        if (now.ToUnixTimeSeconds() >= expires) return (Check.Expired, parts[0]);
        return (Check.Valid, parts[0]);
    }

    private static byte[] Mac(byte[] key, string payload) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
