using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Money;

namespace ECourt.Adapters.BankMessages;

/// <summary>
/// Writes a request to a bank as the JSON its schema publishes (schemas/bank-{messageType}.schema.json): the common fields, then
/// only the fields of its kind. A request missing a field its kind needs is a fault of the caller, not a message to send.
/// </summary>
public static class BankRequestWriter
{
    // Names and case numbers go out as Chinese characters, not \u escapes: banks read the raw message.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(BankRequest request, DateTimeOffset sentAt)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("messageType", request.Kind.WireName());
            w.WriteString("requestId", request.RequestId);
            w.WriteString("bankCode", request.BankCode);
            w.WriteString("caseNumber", request.CaseNumber);
            w.WriteString("court", request.Court);
            w.WriteString("sentAt", Instant(sentAt));
            switch (request.Kind)
            {
                case BankRequestKind.AssetInquiry:
                    if (request.Subjects.Count == 0) throw Missing(request, "subjects");
                    w.WriteStartArray("subjects");
                    foreach (var s in request.Subjects)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("partyNumber", s.PartyNumber);
                        w.WriteString("name", s.Name);
                        w.WriteString("idKind", s.IdKind);
                        w.WriteString("idNumber", s.IdNumber);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    break;
                case BankRequestKind.Freeze:
                    w.WriteString("accountNumber", request.AccountNumber ?? throw Missing(request, "accountNumber"));
                    w.WriteString("amount", Money(request, request.Amount));
                    w.WriteString("frozenUntil", (request.FrozenUntil ?? throw Missing(request, "frozenUntil"))
                        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    if (request.RenewsRequestId is { } renews) w.WriteString("renewsRequestId", renews);
                    break;
                case BankRequestKind.Deduct:
                    w.WriteString("accountNumber", request.AccountNumber ?? throw Missing(request, "accountNumber"));
                    w.WriteString("amount", Money(request, request.Amount));
                    w.WriteString("caseAccount", request.CaseAccount ?? throw Missing(request, "caseAccount"));
                    break;
                case BankRequestKind.Payout:
                    var payee = request.Payee ?? throw Missing(request, "payee");
                    w.WriteString("amount", Money(request, request.Amount));
                    w.WriteString("caseAccount", request.CaseAccount ?? throw Missing(request, "caseAccount"));
                    w.WriteStartObject("payee");
                    w.WriteString("name", payee.Name);
                    w.WriteString("accountNumber", payee.AccountNumber);
                    w.WriteString("bankName", payee.BankName);
                    w.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException($"Request {request.RequestId} is of no kind a bank is sent: {request.Kind}.");
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>In court time (China, +08:00), to the second: what a bank's staff read next to their own records.</summary>
    private static string Instant(DateTimeOffset at) =>
        ChinaTime.ToChinaTime(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Two places, never rounded here: an amount with a fraction of a fen would be sent as a different amount.</summary>
    private static string Money(BankRequest request, decimal? amount)
    {
        var value = amount ?? throw Missing(request, "amount");
        if (Yuan.RoundToFen(value) != value)
            throw new InvalidOperationException($"Request {request.RequestId}: amount {value} has a fraction of a fen.");
        return Yuan.Format(value);
    }

    private static InvalidOperationException Missing(BankRequest request, string field) =>
        new($"Request {request.RequestId} ({request.Kind.WireName()}) has no {field}; a {request.Kind.WireName()} needs one.");
}
