using System.Globalization;

namespace ECourt.Domain.Parties;

/// <summary>
/// Citizen identity numbers (GB 11643-1999): 18 characters, the last an ISO 7064 MOD 11-2 check
/// character; legacy 15-digit numbers carry no check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when valid, else what is wrong.</summary>
    public static string? Problem(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "A resident identity number is required.";
        if (number.Length == 15)
        {
            if (!number.All(char.IsAsciiDigit)) return "A 15-digit identity number has digits only.";
            return ValidBirthDate("19" + number.Substring(6, 6)) ? null : "The birth date in the identity number is not a date.";
        }
        if (number.Length != 18) return "A resident identity number has 18 characters (or 15 digits for an old one).";
        if (!number.AsSpan(0, 17).ToString().All(char.IsAsciiDigit)) return "The first 17 characters of an identity number are digits.";
        if (!ValidBirthDate(number.Substring(6, 8))) return "The birth date in the identity number is not a date.";
        var expected = CheckCharacter(number.AsSpan(0, 17));
        return char.ToUpperInvariant(number[17]) == expected
            ? null
            : "The check character of the identity number is wrong (GB 11643-1999).";
    }

    private static bool ValidBirthDate(string yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1870;
}
