using ECourt.Application.Cases;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>The hearings stage's rows in the case's partition: the record of a hearing held ("hrr-{hearingId}"), inserted once.</summary>
public static class HearingRows
{
    public static readonly CaseRowKind<HearingRecord> Records = new("hrr-");

    /// <summary>A hearing's id as the court gives it: "hrg" and 24 lower-case hex digits.</summary>
    public static bool IsHearingId(string? id) => id is { Length: 27 } && id.StartsWith("hrg", StringComparison.Ordinal)
        && id.AsSpan(3).IndexOfAnyExcept("0123456789abcdef") < 0;

    public static string NewHearingId() =>
        "hrg" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
