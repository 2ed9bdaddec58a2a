using System.Text;

namespace ECourt.Adapters.Storage;

/// <summary>Table keys may not contain / \ # ? or control characters; user ids come from outside, so they are encoded.</summary>
public static class TableKeys
{
    public static string Encode(string value) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).Replace('/', '_').Replace('+', '-');

    /// <summary>Continuation tokens carry the next row key, opaque to clients.</summary>
    public static string? ToToken(string? nextRowKey) =>
        nextRowKey is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(nextRowKey)).Replace('/', '_').Replace('+', '-');

    public static string? FromToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(token.Replace('_', '/').Replace('-', '+'))); }
        catch (FormatException) { throw new ArgumentException("The continuation token is not one this API issued.", nameof(token)); }
    }
}
