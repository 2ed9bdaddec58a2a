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
    [JsonStringEnumMemberName("property-certificate")]
    PropertyCertificate,
}

/// <summary>A span of the text that looks like protected data: its kind, where it starts and how long it is.</summary>
public sealed record SensitiveSpan(RedactionKind Kind, int Start, int Length);

/// <summary>
/// Finding what looks like protected data the case record may not know (DOMAIN.md "Publishing judgments"): resident identity numbers
/// with a valid check character (GB 11643-1999; Taiwan's by its own check digit), mobile numbers (11 digits, 1[3-9], also grouped
/// 3-4-4 or after +86) and landlines (with an area code in any of its written forms; without one only where the text calls it a
/// phone; Taiwan's 09xx-xxx-xxx), bank cards (13–19 digits with a valid Luhn digit, also in groups of four; any run of 8 or more
/// digits the text calls an account or card number), vehicle plates (a province's character, a letter, five or six letters and
/// digits, a · allowed between; Taiwan's after 车牌号码),
/// property certificate numbers (不动产权第…号 and the older 房权证…字第…号), email addresses, and home addresses after the words
/// that introduce them (<see cref="HomeAddress"/>). A number inside a longer run of digits or letters is not taken apart.
/// Traditional text is searched through its Simplified folding (<see cref="ChineseScript"/>), so 電話 and 身分證 introduce a
/// number as 电话 and 身份证 do, at the same positions.
/// </summary>
public static partial class SensitiveData
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    // One pass of one pattern finds every candidate whose form alone tells what it is; the number's group names its kind where the
    // form says it, else its digits decide (OfDigits).
    [GeneratedRegex("(?<plate>[" + Provinces + @"][A-Z][·• ]?[A-Z0-9]{4,5}[A-Z0-9挂学警](?![A-Z0-9]))"
        + @"|(?<phone>(?<![0-9A-Za-z])(?:(?:\+|＋)?86[- ]?)?1[3-9]\d(?:-\d{4}-| \d{4} )\d{4}(?!\d)"
        + @"|(?<!\d)(?:\(0\d{1,3}\)|（0\d{1,3}）|0\d{1,3}[-－ ])\d{3,4}[-－]?\d{4}(?:转\d{1,5})?(?!\d)"
        + @"|(?:(?:\+|＋)86[- ]?)1[3-9]\d{9}(?!\d)|(?<!\d)09\d{2}-\d{3}-\d{3}(?!\d))"
        + @"|(?<card>(?<![0-9A-Za-z])\d{4}(?: \d{4}){2,3} \d{1,4}(?![0-9A-Za-z]))"
        + @"|(?<twid>(?<![0-9A-Za-z])[A-Z][12]\d{8}(?![0-9A-Za-z]))"
        + @"|(?<![0-9A-Za-z])\d{10,19}[Xx]?(?![0-9A-Za-z])")]
    private static partial Regex Candidates();

    // What only the words before it make protected: a local number after "phone", any long number after "account", an identity
    // number whose check character is wrong (a typing error in the judgment does not make it public), a bare certificate number.
    [GeneratedRegex(@"(?:(?:电话|手机|座机|固话|传真|联系方式)(?:号码?)?|(?:账号|帐号|账户|帐户|卡号|银行卡|存折)(?:号码?)?"
        + @"|(?:身份证|身分证|公民身份号码|身份号码|证件号)(?:统一编号|字号|号码|号)?"
        + @"|(?:不动产权证书?|不动产登记证明|房产证|房屋所有权证|房屋产权证|产权证书?|土地使用权?证)(?:编?号码?)?)"
        + @"(?:为|是|：|:)?\s?"
        + @"(?:\d[\d ]{5,30}\d[Xx]?|[A-Z]\d{9})(?![0-9A-Za-z])")]
    private static partial Regex AfterKeyword();

    // Property certificates: the registration numbers since 2015 (黑（2020）哈尔滨市不动产权第0012345号) and the older house-ownership
    // certificates (哈房权证里字第201012345号, 沪房地浦字（2005）第012345号, X京房权证朝字第1234567号), whose issuing place's one or
    // two characters before 房 are taken by IssuingPlace. Each pattern starts with a character that is rare in a judgment.
    [GeneratedRegex("[" + Provinces + @"][（(]\d{4}[）)][\u4e00-\u9fff]{1,12}?不动产(?:权|证明)第\d{4,12}号")]
    private static partial Regex RegisteredCertificates();

    [GeneratedRegex(@"房(?:地产|屋所有|屋|产|地)?权?证?[\u4e00-\u9fff]{0,5}?字(?:[（(]\d{4}[）)])?第[\dA-Za-z\-－]{3,14}号")]
    private static partial Regex OwnershipCertificates();

    // Taiwan's plates (ABC-1234, 7788-QA) look like too much else to be taken without the words that introduce them.
    [GeneratedRegex(@"(?:车牌号码?|车号|牌照号码?)(?:为|是|：|:)?(?<value>[A-Z0-9]{2,4}-[A-Z0-9]{2,4})(?![A-Z0-9])")]
    private static partial Regex TaiwanPlates();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Emails();

    /// <summary>What in the text looks like protected data; Traditional text is read through its Simplified folding.</summary>
    public static IReadOnlyList<SensitiveSpan> Find(string text) => Find(ChineseScript.ToSimplified(text), []);

    /// <summary>
    /// The same, on text already folded to Simplified; the organisations the case knows keep their registered addresses.
    /// </summary>
    internal static List<SensitiveSpan> Find(string folded, IReadOnlyList<string> organisations)
    {
        var found = new List<SensitiveSpan>(Math.Max(8, folded.Length / 64));
        foreach (var m in Candidates().EnumerateMatches(folded))
        {
            var value = folded.AsSpan(m.Index, m.Length);
            RedactionKind? kind = !char.IsAsciiDigit(value[0]) && value[0] is not '(' and not '（' and not '+' and not '＋'
                ? (char.IsAsciiLetterUpper(value[0]) && value.Length == 10 && value[1] is '1' or '2'
                    ? (IsTaiwanIdValid(value) ? RedactionKind.IdNumber : null)
                    : RedactionKind.Plate)
                : value.ContainsAny("-－(（+＋转") ? RedactionKind.Phone
                : value.Contains(' ') ? OfGroupedDigits(value)
                : OfDigits(value);
            if (kind is { } k) found.Add(new(k, m.Index, m.Length));
        }
        foreach (var m in AfterKeyword().EnumerateMatches(folded))
        {
            // The number is the match's end: digits, spaces between them, a check letter; the word before it says what it is.
            var valueStart = m.Index + m.Length;
            while (valueStart > m.Index && (char.IsAsciiLetterOrDigit(folded[valueStart - 1]) || folded[valueStart - 1] == ' '))
                valueStart--;
            while (folded[valueStart] == ' ') valueStart++;
            var value = folded.AsSpan(valueStart, m.Index + m.Length - valueStart);
            var digits = value.Length - value.Count(' ');
            RedactionKind? kind = folded[m.Index] switch
            {
                '电' or '手' or '座' or '固' or '传' or '联' => digits is 7 or 8 ? RedactionKind.Phone : null,
                '账' or '帐' or '卡' or '银' or '存' => digits >= 8 && !value.ContainsAnyInRange('A', 'Z') && !value.Contains('x')
                    ? RedactionKind.BankCard : null,
                '身' or '公' or '证' => digits is 15 or 18 || char.IsAsciiLetter(value[0]) ? RedactionKind.IdNumber : null,
                _ => RedactionKind.PropertyCertificate,
            };
            if (kind is { } k) found.Add(new(k, valueStart, value.Length));
        }
        if (folded.Contains("车", StringComparison.Ordinal))
            foreach (Match m in TaiwanPlates().Matches(folded))
                found.Add(new(RedactionKind.Plate, m.Groups["value"].Index, m.Groups["value"].Length));
        if (folded.Contains("不动产", StringComparison.Ordinal))
            foreach (var m in RegisteredCertificates().EnumerateMatches(folded))
                found.Add(new(RedactionKind.PropertyCertificate, m.Index, m.Length));
        if (folded.Contains('房'))
            foreach (var m in OwnershipCertificates().EnumerateMatches(folded))
            {
                var start = IssuingPlace(folded, m.Index);
                found.Add(new(RedactionKind.PropertyCertificate, start, m.Index + m.Length - start));
            }
        // Most judgments carry no email address: the pattern runs only where one may be.
        if (folded.Contains('@'))
            foreach (var m in Emails().EnumerateMatches(folded)) found.Add(new(RedactionKind.Email, m.Index, m.Length));
        found.AddRange(HomeAddress.Find(folded, organisations));
        return Outermost(found);
    }

    /// <summary>
    /// Where an ownership certificate's number starts: one or two characters of the issuing place before 房 (哈, 沪, 京 after an X),
    /// when what stands before them ends a word (punctuation, 为, 是, 号) rather than being part of the sentence.
    /// </summary>
    private static int IssuingPlace(string text, int house)
    {
        const string notPlace = "为是号的在和与及：:，,（(";
        for (var length = 2; length >= 1; length--)
        {
            var start = house - length;
            if (start < 0) continue;
            var place = text.AsSpan(start, length);
            if (place.ContainsAnyExceptInRange('\u4e00', '\u9fff') || place.ContainsAny(notPlace)) continue;
            if (start > 0 && text[start - 1] is >= 'A' and <= 'Z') start--;
            if (start == 0 || text[start - 1] is < '\u4e00' or > '\u9fff' || "为是号".Contains(text[start - 1])) return start;
        }
        return house;
    }

    /// <summary>Each finding once: sorted by place, a span inside an earlier one (two patterns saw the same number) left out.</summary>
    private static List<SensitiveSpan> Outermost(List<SensitiveSpan> found)
    {
        if (found.Count < 2) return found;
        found.Sort(static (x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : y.Length.CompareTo(x.Length));
        var kept = 0;
        var end = -1;
        for (var i = 0; i < found.Count; i++)
        {
            var s = found[i];
            if (s.Start + s.Length <= end) continue;
            found[kept++] = s;
            end = Math.Max(end, s.Start + s.Length);
        }
        found.RemoveRange(kept, found.Count - kept);
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

    /// <summary>
    /// Digits in groups separated by spaces: a landline after its area code (0…), a mobile as it is printed (3-4-4, perhaps after 86),
    /// else a card as it is printed (groups of four) if the Luhn digit holds.
    /// </summary>
    private static RedactionKind? OfGroupedDigits(ReadOnlySpan<char> run)
    {
        if (run[0] == '0' && run.Count(' ') == 1) return RedactionKind.Phone;
        Span<char> digits = stackalloc char[run.Length];
        var n = 0;
        foreach (var c in run)
            if (c != ' ') digits[n++] = c;
        var number = digits[..n];
        if (number.StartsWith("86") && n == 13) number = number[2..];
        if (number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9' && run[^5] == ' ' && run[^10] == ' ')
            return RedactionKind.Phone;
        return n >= 13 && IsLuhnValid(digits[..n]) ? RedactionKind.BankCard : null;
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

    /// <summary>
    /// Taiwan's national identification number: a letter for the place of first registration (A = 10 … as the Ministry of the
    /// Interior numbers them), 1 or 2 for the sex, seven digits and a check digit making the weighted sum a multiple of 10.
    /// </summary>
    public static bool IsTaiwanIdValid(ReadOnlySpan<char> id)
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
        if (id.Length != 10 || !char.IsAsciiLetterUpper(id[0]) || id[1] is not '1' and not '2') return false;
        var code = letters.IndexOf(id[0], StringComparison.Ordinal) + 10;
        var sum = code / 10 + code % 10 * 9;
        for (var i = 1; i < 9; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * (9 - i);
        }
        return char.IsAsciiDigit(id[9]) && (sum + id[9] - '0') % 10 == 0;
    }
}
