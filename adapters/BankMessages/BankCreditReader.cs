using System.Globalization;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.BankMessages;

/// <summary>Reads a credit message: JSON, then its schema, then into the domain record.</summary>
public static class BankCreditReader
{
    public sealed record Result(BankCredit? Credit, string? Rule, string? Reason);

    public static Result Read(BinaryData body)
    {
        var (parsed, rule, reason) = BankMessageSchemas.Parse(body, BankMessageSchemas.Credit, "bank-credit.schema.json");
        if (parsed is not { } document) return new Result(null, rule, reason);
        using (document)
        {
            var e = document.RootElement;
            string? Optional(string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;
            var credit = new BankCredit(
                e.GetProperty("bankCode").GetString()!,
                e.GetProperty("bankTransactionId").GetString()!,
                e.GetProperty("accountNumber").GetString()!,
                decimal.Parse(e.GetProperty("amount").GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                e.GetProperty("currency").GetString()!,
                Optional("payerName"), Optional("payerAccount"), Optional("channel"),
                DateOnly.TryParseExact(e.GetProperty("valueDate").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var valueDate)
                    ? valueDate : default,
                DateTimeOffset.TryParse(e.GetProperty("bookedAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var bookedAt)
                    ? bookedAt : default);
            if (credit.ValueDate == default) return new Result(null, "schema-violation", "valueDate is not a calendar date.");
            if (credit.BookedAt == default) return new Result(null, "schema-violation", "bookedAt is not a date and time with its offset.");
            return new Result(credit, null, null);
        }
    }
}
