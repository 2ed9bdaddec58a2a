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
/// and digits) and email addresses. A number inside a longer run of digits is not taken apart.
/// </summary>
public static partial class SensitiveData
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumbers();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobiles();

    [GeneratedRegex(@"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")]
    private static partial Regex Landlines();

    [GeneratedRegex(@"(?<!\d)\d{13,19}(?!\d)")]
    private static partial Regex DigitRuns();

    [GeneratedRegex("[" + Provinces + @"][A-Z][A-Z0-9]{5,6}(?![A-Z0-9])")]
    private static partial Regex Plates();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Emails();

    public static IReadOnlyList<SensitiveSpan> Find(string text)
    {
        var found = new List<SensitiveSpan>();
        foreach (Match m in IdNumbers().Matches(text))
            if (ResidentIdNumber.Problem(m.Value) is null) found.Add(new(RedactionKind.IdNumber, m.Index, m.Length));
        foreach (Match m in Mobiles().Matches(text)) found.Add(new(RedactionKind.Phone, m.Index, m.Length));
        foreach (Match m in Landlines().Matches(text)) found.Add(new(RedactionKind.Phone, m.Index, m.Length));
        foreach (Match m in DigitRuns().Matches(text))
            if (IsLuhnValid(m.Value)) found.Add(new(RedactionKind.BankCard, m.Index, m.Length));
        foreach (Match m in Plates().Matches(text)) found.Add(new(RedactionKind.Plate, m.Index, m.Length));
        foreach (Match m in Emails().Matches(text)) found.Add(new(RedactionKind.Email, m.Index, m.Length));
        return found;
    }

    /// <summary>The Luhn check (ISO/IEC 7812-1) a bank card number's last digit satisfies.</summary>
    public static bool IsLuhnValid(string digits)
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
