using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ECourt.Domain.Cases;

/// <summary>
/// A case's identifier: "cs" and 24 lower-case hex digits. When a filing carries an idempotency key
/// the id is derived from the filer and the key, so a retried create lands on the same case.
/// </summary>
public static partial class CaseId
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string FromIdempotencyKey(string filerId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(filerId + "\n" + key));
        return "cs" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static string FromRandom(ReadOnlySpan<byte> twelveRandomBytes) => "cs" + Convert.ToHexStringLower(twelveRandomBytes[..12]);

    /// <summary>The form of every case id, as the API document publishes it.</summary>
    public const string Form = "^cs[0-9a-f]{24}$";

    [GeneratedRegex(Form)]
    private static partial Regex Pattern();
}
