namespace ECourt.Domain.Money;

/// <summary>Money is decimal yuan with two places; never floating point.</summary>
public static class Yuan
{
    /// <summary>Rounds once, half up, to the fen (Measures on Payment of Litigation Costs).</summary>
    public static decimal RoundToFen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static string Format(decimal amount) => RoundToFen(amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An amount as the API reads it: up to 15 digits of yuan and at most two decimals, never negative.</summary>
    public const string Form = "^[0-9]{1,15}(\\.[0-9]{1,2})?$";

    /// <summary>
    /// Parses a money string as clients send it: digits with at most two decimals, not negative.
    /// </summary>
    public static bool TryParse(string? text, out decimal amount, out string? error)
    {
        amount = 0;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) { error = "An amount is required."; return false; }
        if (!System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?[0-9]{1,15}(\.[0-9]+)?$"))
        {
            error = "An amount is a string of digits in yuan with at most two decimals, such as \"2300.00\".";
            return false;
        }
        if (text.StartsWith('-')) { error = "An amount cannot be negative."; return false; }
        var dot = text.IndexOf('.');
        if (dot >= 0 && text.Length - dot - 1 > 2) { error = "An amount has at most two decimals (fen)."; return false; }
        amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
