namespace ECourt.Domain.Payments;

/// <summary>
/// A case's own sub-account under the court's settlement account ("one case, one account").
/// 19 digits: the court's 8-digit settlement prefix, the 2-digit year, 2 digits for the case type's
/// series, the 6-digit case sequence and a Luhn check digit (ISO/IEC 7812), so a mistyped digit or
/// swapped pair at a bank counter is caught before the credit is booked. Unique because the case
/// number it is made from is unique.
/// </summary>
public static class VirtualAccountNumber
{
    public const int Length = 19;

    public static string Issue(string settlementPrefix, int year, int seriesCode, int sequence)
    {
        if (settlementPrefix.Length != 8 || !settlementPrefix.All(char.IsAsciiDigit))
            throw new ArgumentException("A settlement prefix has 8 digits.", nameof(settlementPrefix));
        if (seriesCode is < 0 or > 99) throw new ArgumentOutOfRangeException(nameof(seriesCode));
        if (sequence is < 1 or > 999_999) throw new ArgumentOutOfRangeException(nameof(sequence));
        var body = $"{settlementPrefix}{year % 100:D2}{seriesCode:D2}{sequence:D6}";
        return body + LuhnDigit(body);
    }

    public static bool IsValid(string? number) =>
        number is { Length: Length } && number.All(char.IsAsciiDigit) && LuhnDigit(number[..^1]) == number[^1];

    public static char LuhnDigit(string body)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>The two-digit series code of a case-type code within a court's accounts.</summary>
    public static int SeriesCode(string typeCode) => typeCode switch
    {
        Numbering.CaseTypeCode.CivilFirstInstance => 11,
        Numbering.CaseTypeCode.AdministrativeFirstInstance => 21,
        Numbering.CaseTypeCode.Enforcement => 51,
        _ => throw new ArgumentOutOfRangeException(nameof(typeCode), typeCode, "No account series for this case type."),
    };
}
