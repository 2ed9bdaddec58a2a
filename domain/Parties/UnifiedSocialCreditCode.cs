namespace ECourt.Domain.Parties;

/// <summary>
/// Unified social credit codes of organisations (GB 32100-2015): 18 characters from a 31-character
/// set without I, O, S, V, Z; the last is a check character over the first 17 (modulus 31).
/// </summary>
public static class UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>18 characters of the code's alphabet (GB 32100-2015), the check character not yet checked.</summary>
    public const string Form = "^[0-9A-HJ-NP-RTUWXY]{18}$";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "A unified social credit code is required.";
        if (code.Length != 18) return "A unified social credit code has 18 characters.";
        if (code.Any(c => Alphabet.IndexOf(c) < 0)) return "A unified social credit code uses digits and capital letters other than I, O, S, V and Z.";
        return code[17] == CheckCharacter(code.AsSpan(0, 17))
            ? null
            : "The check character of the unified social credit code is wrong (GB 32100-2015).";
    }
}
