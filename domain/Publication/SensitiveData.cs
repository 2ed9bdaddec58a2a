using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Publication;

/// <summary>What a redaction removed or replaced.</summary>
public enum RedactionKind
{
    [JsonStringEnumMemberName("name")]
    Name,
    [JsonStringEnumMemberName("id-number")]
    IdNumber,
    [JsonStringEnumMemberName("phone")]
    Phone,
    [JsonStringEnumMemberName("bank-card")]
    BankCard,
    [JsonStringEnumMemberName("plate")]
    Plate,
    [JsonStringEnumMemberName("email")]
    Email,
    [JsonStringEnumMemberName("address")]
    Address,
}

/// <summary>A span of the text that looks like protected data: its kind, where it starts and how long it is.</summary>
public sealed record SensitiveSpan(RedactionKind Kind, int Start, int Length);

/// <summary>
/// Finding what looks like protected data the case record may not know (DOMAIN.md "Publishing judgments"): resident identity numbers
/// with a valid check character (GB 11643-1999), mobile numbers (11 digits, 1[3-9]) and landlines (area code 0xx or 0xxx and 7–8
/// digits), bank cards (13–19 digits with a valid Luhn digit), vehicle plates (a province's character, a letter, five or six letters
/// and digits) and email addresses. A number inside a longer run of digits or letters is not taken apart. One pass of one pattern
/// finds every candidate; a run of digits is then told apart by its length, its first digits and its check digit.
/// </summary>
public static partial class SensitiveData
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    [GeneratedRegex("[" + Provinces + @"][A-Z][A-Z0-9]{5,6}(?![A-Z0-9])"
        + @"|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"
        + @"|(?<![0-9A-Za-z])\d{10,19}[Xx]?(?![0-9A-Za-z])")]
    private static partial Regex Candidates();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Emails();

    public static IReadOnlyList<SensitiveSpan> Find(string text)
    {
        var found = new List<SensitiveSpan>();
        foreach (var m in Candidates().EnumerateMatches(text))
        {
            var value = text.AsSpan(m.Index, m.Length);
            RedactionKind? kind = !char.IsAsciiDigit(value[0]) ? RedactionKind.Plate
                : value.Contains('-') ? RedactionKind.Phone
                : OfDigits(value);
            if (kind is { } k) found.Add(new(k, m.Index, m.Length));
        }
        // Most judgments carry no email address: the pattern runs only where one may be.
        if (text.Contains('@'))
            foreach (var m in Emails().EnumerateMatches(text)) found.Add(new(RedactionKind.Email, m.Index, m.Length));
        return found;
    }

    /// <summary>
    /// What a run of digits is: an identity number by its check character, a mobile or landline by its form, else a card by its Luhn
    /// digit.
    /// </summary>
    private static RedactionKind? OfDigits(ReadOnlySpan<char> run)
    {
        if (run.Length == 18 && ResidentIdNumber.Problem(run.ToString()) is null) return RedactionKind.IdNumber;
        if (!char.IsAsciiDigit(run[^1])) return null;
        if (run.Length == 11 && run[0] == '1' && run[1] is >= '3' and <= '9') return RedactionKind.Phone;
        if (run[0] == '0' && run.Length is >= 10 and <= 12) return RedactionKind.Phone;
        return run.Length >= 13 && IsLuhnValid(run) ? RedactionKind.BankCard : null;
    }

    /// <summary>The Luhn check (ISO/IEC 7812-1) a bank card number's last digit satisfies.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }
}
