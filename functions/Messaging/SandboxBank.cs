using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ECourt.Adapters.BankMessages;
using ECourt.Application.Enforcement;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;
using ECourt.Functions.Enforcement;
using ECourt.Functions.Payments;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Functions.Messaging;

/// <summary>
/// The banks of a local run, where no Service Bus exists: each request is written as the JSON a bank would receive on topic
/// bank-requests (checked against its schema), and answered a moment later through the same handlers the Service Bus listeners use —
/// a reply on bank-replies from the configured accounts, and for a deduction the credit that brings the money on bank-credits. A bank
/// listed as silent never answers. Balances and freezes are kept in memory for the run.
/// </summary>
public sealed class SandboxBank(BankMessageDelivery delivery, IOptions<SandboxBankOptions> options, TimeProvider clock,
    ILogger<SandboxBank> log) : BackgroundService, IBankRequestSender
{
    private readonly Channel<(BankRequest Request, byte[] Json)> _requests = Channel.CreateUnbounded<(BankRequest, byte[])>();
    private readonly Dictionary<string, decimal> _frozen = [];
    private readonly HashSet<string> _answered = [];

    public Task SendAsync(BankRequest request, CancellationToken ct = default)
    {
        var json = BankRequestWriter.Write(request, clock.GetUtcNow());
        return _requests.Writer.WriteAsync((request, json), ct).AsTask();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (request, _) in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            // The same request sent again is one request, as the bank's idempotency key makes it.
            if (options.Value.Silent.Contains(request.BankCode) || !_answered.Add(request.RequestId)) continue;
            try
            {
                await AnswerAsync(request, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Sandbox bank {Bank} could not answer {RequestId}", request.BankCode, request.RequestId);
                _answered.Remove(request.RequestId);
            }
        }
    }

    private async Task AnswerAsync(BankRequest r, CancellationToken ct)
    {
        var now = ChinaTime.ToChinaTime(clock.GetUtcNow());
        var reply = new JsonObject
        {
            ["requestId"] = r.RequestId,
            ["bankCode"] = r.BankCode,
            ["answeredAt"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        var accounts = options.Value.Accounts.Where(a => a.BankCode == r.BankCode).ToList();
        switch (r.Kind)
        {
            case BankRequestKind.AssetInquiry:
                reply["messageType"] = "asset-inquiry-result";
                reply["outcome"] = "answered";
                reply["accounts"] = new JsonArray(r.Subjects.SelectMany(s => accounts.Where(a => a.HolderId == s.IdNumber).Select(a =>
                    (JsonNode)new JsonObject
                    {
                        ["partyNumber"] = s.PartyNumber,
                        ["accountNumber"] = a.AccountNumber,
                        ["accountKind"] = a.Kind,
                        ["balance"] = Money(Available(a)),
                    })).ToArray());
                break;
            case BankRequestKind.Freeze:
                reply["messageType"] = "freeze-result";
                var account = accounts.FirstOrDefault(a => a.AccountNumber == r.AccountNumber);
                var free = account is null ? 0m : Available(account);
                if (free <= 0m)
                {
                    reply["outcome"] = "refused";
                    reply["reason"] = account is null ? "no such account" : "nothing to freeze";
                    break;
                }
                var frozen = Math.Min(free, r.Amount!.Value);
                _frozen[r.AccountNumber!] = _frozen.GetValueOrDefault(r.AccountNumber!) + frozen;
                reply["outcome"] = "frozen";
                reply["amount"] = Money(frozen);
                reply["frozenUntil"] = r.FrozenUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
            case BankRequestKind.Deduct:
                reply["messageType"] = "deduct-result";
                reply["outcome"] = "deducted";
                reply["amount"] = Money(r.Amount!.Value);
                reply["bankTransactionId"] = "SBX-" + r.RequestId;
                break;
            default:
                reply["messageType"] = "payout-result";
                reply["outcome"] = "paid";
                reply["amount"] = Money(r.Amount!.Value);
                reply["bankTransactionId"] = "SBX-" + r.RequestId;
                break;
        }
        await DeliverAsync(BankReplyHandler.QueueName, reply, null, ct);
        if (r.Kind != BankRequestKind.Deduct) return;
        var source = accounts.FirstOrDefault(a => a.AccountNumber == r.AccountNumber);
        if (source is not null)
        {
            source.Balance -= r.Amount!.Value;
            _frozen[source.AccountNumber] = Math.Max(0m, _frozen.GetValueOrDefault(source.AccountNumber) - r.Amount.Value);
        }
        // The money itself arrives as a credit to the case's account, as any payment does.
        var credit = new JsonObject
        {
            ["messageType"] = "credit",
            ["bankCode"] = r.BankCode,
            ["bankTransactionId"] = "SBX-" + r.RequestId,
            ["accountNumber"] = r.CaseAccount,
            ["amount"] = Money(r.Amount!.Value),
            ["currency"] = "CNY",
            ["payerName"] = r.BankCode + " enforcement deduction",
            ["payerAccount"] = r.AccountNumber,
            ["channel"] = "online",
            ["valueDate"] = now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["bookedAt"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        };
        await DeliverAsync(BankCreditHandler.QueueName, credit, $"{r.BankCode}:SBX-{r.RequestId}", ct);
    }

    private decimal Available(SandboxAccount a) => a.Balance - _frozen.GetValueOrDefault(a.AccountNumber);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private async Task DeliverAsync(string queue, JsonObject body, string? messageId, CancellationToken ct)
    {
        var handler = delivery.HandlerOf(queue) ?? throw new InvalidOperationException($"No handler of queue {queue}.");
        var outcome = await delivery.DeliverAsync(handler, JsonSerializer.SerializeToUtf8Bytes(body), messageId, ct);
        if (outcome.Outcome != BankSettlement.Completed)
            log.LogWarning("Sandbox bank's message to {Queue}: {Outcome} {Reason}", queue, outcome.Outcome, outcome.Reason);
    }
}
