using System.Globalization;
using ECourt.Domain.Payments;

namespace ECourt.Adapters.BankMessages;

/// <summary>Reads a statement message: JSON, then its schema, then into the domain record.</summary>
public static class BankStatementReader
{
    public sealed record Result(BankStatement? Statement, string? Rule, string? Reason);

    private const NumberStyles Money = NumberStyles.AllowDecimalPoint;

    public static Result Read(BinaryData body)
    {
        var (parsed, rule, reason) = BankMessageSchemas.Parse(body, BankMessageSchemas.Statement, "bank-statement.schema.json");
        if (parsed is not { } document) return new Result(null, rule, reason);
        using (document)
        {
            var e = document.RootElement;
            if (!DateOnly.TryParseExact(e.GetProperty("statementDate").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new Result(null, "schema-violation", "statementDate is not a calendar date.");
            var entries = new List<StatementEntry>(e.GetProperty("entries").GetArrayLength());
            foreach (var item in e.GetProperty("entries").EnumerateArray())
            {
                var id = item.GetProperty("bankTransactionId").GetString()!;
                if (!DateTimeOffset.TryParse(item.GetProperty("bookedAt").GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var bookedAt))
                    return new Result(null, "schema-violation", $"Entry {id}: bookedAt is not a date and time with its offset.");
                entries.Add(new StatementEntry(id, item.GetProperty("accountNumber").GetString()!,
                    decimal.Parse(item.GetProperty("amount").GetString()!, Money, CultureInfo.InvariantCulture), bookedAt));
            }
            return new Result(new BankStatement(e.GetProperty("bankCode").GetString()!, date, entries, e.GetProperty("count").GetInt32(),
                decimal.Parse(e.GetProperty("total").GetString()!, Money, CultureInfo.InvariantCulture)), null, null);
        }
    }
}
