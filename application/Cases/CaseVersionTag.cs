namespace ECourt.Application.Cases;

/// <summary>
/// The entity tag of an answer about one case, and what If-Match is compared with. The tag is strong and reads
/// <c>"{version}.{digest}"</c>: the case's <see cref="Domain.Cases.CourtCase.Version"/> (one more with every recorded event)
/// before the dot, a digest of the answer's bytes as served to its caller after it, so that two different answers never
/// share a tag. If-Match names the version: a tag the case's read or any write about the case gave (or <c>"{version}"</c>
/// alone) matches while the case is still at that version. A weak tag (<c>W/"…"</c>) never matches (RFC 9110 compares
/// If-Match strongly), nor the table's own timestamp ETag, which earlier answers carried.
/// </summary>
public static class CaseVersionTag
{
    public static string Of(int version, string digest) => $"\"{version}.{digest}\"";

    /// <summary>True when <paramref name="ifMatch"/> (the header's comma-separated list; null: none sent) lets a write to the
    /// case at <paramref name="version"/> go ahead.</summary>
    public static bool Matches(string? ifMatch, int version)
    {
        if (ifMatch is null) return true;
        foreach (var item in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "*") return true;
            if (item.Length < 3 || item[0] != '"' || item[^1] != '"') continue;
            var opaque = item[1..^1];
            var dot = opaque.IndexOf('.', StringComparison.Ordinal);
            var named = dot < 0 ? opaque : opaque[..dot];
            if (named.Length is > 0 and <= 10 && named.All(char.IsAsciiDigit) && int.TryParse(named, out var v) && v == version)
                return true;
        }
        return false;
    }
}
