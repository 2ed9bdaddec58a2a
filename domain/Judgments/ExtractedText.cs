using System.Text.Json.Serialization;

namespace ECourt.Domain.Judgments;

public enum TextReadingFailure
{
    [JsonStringEnumMemberName("no-text-layer")]
    NoTextLayer,
    [JsonStringEnumMemberName("replacement-characters")]
    ReplacementCharacters,
    [JsonStringEnumMemberName("unmapped-font")]
    UnmappedFont,
    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}

public sealed record JudgmentTextReading(string? Text, TextReadingFailure? Failure, int Pages);
