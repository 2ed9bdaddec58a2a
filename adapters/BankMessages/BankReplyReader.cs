using System.Globalization;
using System.Text.Json;
using ECourt.Domain;
using ECourt.Domain.Enforcement;

namespace ECourt.Adapters.BankMessages;

/// <summary>
/// Reads a bank's reply from queue bank-replies: JSON, its messageType picks its schema, the schema, then the reply record. A body
/// that is not JSON is unparseable, a messageType the court never asked for is unknown-message-type, anything else that breaks the
/// schema (or names a day or an instant that does not exist) is schema-violation; the reason says what.
/// </summary>
public static class BankReplyReader
{
    private const NumberStyles Money = NumberStyles.AllowDecimalPoint;

    private static readonly string Types = string.Join(", ", BankMessageSchemas.ReplyTypes);

    public static (BankReply? Reply, string? Rule, string? Reason) Read(BinaryData body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException ex)
        {
            return (null, "unparseable", "The message body is not JSON: " + ex.Message);
        }
        using (document)
        {
            var e = document.RootElement;
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("messageType", out var type)
                || type.ValueKind != JsonValueKind.String)
                return (null, "schema-violation", $"A reply is a JSON object with a messageType ({Types}).");
            var messageType = type.GetString()!;
            if (!BankMessageSchemas.ReplyTypes.Contains(messageType) || !WireNames.TryParse<BankReplyKind>(messageType, out var kind))
                return (null, "unknown-message-type", $"messageType {messageType} is not a reply the court reads ({Types}).");
            var file = BankMessageSchemas.FileOf(messageType);
            var (rule, reason) = BankMessageSchemas.Check(document, BankMessageSchemas.Of(messageType), file);
            if (rule is not null) return (null, rule, reason);

            if (!DateTimeOffset.TryParse(Text(e, "answeredAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var answeredAt))
                return (null, "schema-violation", $"{file}: answeredAt is not a date and time with its offset.");
            DateOnly? frozenUntil = null;
            if (Text(e, "frozenUntil") is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                    return (null, "schema-violation", $"{file}: frozenUntil {day} is not a calendar date.");
                frozenUntil = until;
            }
            WireNames.TryParse<BankOutcome>(Text(e, "outcome"), out var outcome);
            var accounts = e.TryGetProperty("accounts", out var found)
                ? found.EnumerateArray().Select(a => new FoundAccount(a.GetProperty("partyNumber").GetInt32(), Text(a, "accountNumber")!,
                    Text(a, "accountKind")!, Yuan(Text(a, "balance"))!.Value)).ToList()
                : [];
            return (new BankReply(kind, Text(e, "requestId")!, Text(e, "bankCode")!, outcome, answeredAt)
            {
                Accounts = accounts,
                Amount = Yuan(Text(e, "amount")),
                FrozenUntil = frozenUntil,
                BankTransactionId = Text(e, "bankTransactionId"),
                Reason = Text(e, "reason"),
            }, null, null);
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    /// <summary>The schema has let through only digits with two places, never a sign.</summary>
    private static decimal? Yuan(string? text) => text is null ? null : decimal.Parse(text, Money, CultureInfo.InvariantCulture);
}
