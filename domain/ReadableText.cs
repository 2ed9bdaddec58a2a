namespace ECourt.Domain;

/// <summary>
/// Text a person reads (a name, a reason, a file's name) holds no bidirectional control character: the embeddings,
/// overrides and isolates U+202A–U+202E and U+2066–U+2069 of the Unicode Bidirectional Algorithm (UAX #9) reorder what
/// is shown without changing what is stored, so "‮fdp.exe" is shown as "exe.pdf" (the "Trojan Source" attack,
/// CVE-2021-42574). Chinese and Latin text never needs them; the implicit marks (U+200E, U+200F) stay allowed.
/// </summary>
public static class ReadableText
{
    public const string Problem =
        "The text holds a bidirectional control character (U+202A–U+202E or U+2066–U+2069), which can disguise what it says.";

    public static bool HasBidiControl(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u202A', '\u202E') >= 0 || text.IndexOfAnyInRange('\u2066', '\u2069') >= 0;
}
