using System.Text.Json;
using Azure.Messaging.ServiceBus;
using ECourt.Adapters.BankMessages;
using ECourt.Application.Enforcement;
using ECourt.Domain.Enforcement;
using ECourt.Integration.Tests.Broker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Requests to banks through the registered sender and the real Service Bus client, on topic bank-requests of the in-process AMQP
/// 1.0 broker with one subscription per bank filtered on the application property bankCode: each request reaches its bank's
/// subscription only, with the request id as message id, its properties, and a body valid against its published schema.
/// </summary>
public class BankRequestWiringTests
{
    private const string Topic = "bank-requests";
    private const string CaseId = "cs0123456789abcdef0123abcd";
    private static readonly DateTimeOffset Now = new(2098, 11, 27, 1, 2, 3, TimeSpan.Zero);

    private static BankRequest Request(BankRequestKind kind, string bankCode, int number)
    {
        var request = new BankRequest(BankRequestIds.For(CaseId, number), kind, bankCode, CaseId, "（2098）黑01执7号", "黑01", Now);
        return kind switch
        {
            BankRequestKind.AssetInquiry => request with { Subjects = [new(2, "王某某", "resident-id", "11010519491231002X")] },
            BankRequestKind.Freeze => request with
            {
                AccountNumber = "6222020200112233",
                Amount = 2300m,
                FrozenUntil = new DateOnly(2099, 11, 26),
            },
            _ => request with
            {
                Amount = 100.10m,
                CaseAccount = "62170001000123",
                Payee = new PayeeAccount("刘志强", "6217000010001234567", "中国建设银行哈尔滨分行"),
            },
        };
    }

    private static ServiceProvider Services(AmqpTestBroker broker)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new TestClock(Now));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ECourt:Banking:ServiceBus:ConnectionString"] = broker.ConnectionString,
        }).Build();
        Assert.True(services.AddServiceBusClient(configuration.GetSection("ECourt:Banking:ServiceBus")));
        services.AddBankRequestSender();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task EachRequest_ReachesOnlyItsBanksSubscription_AsItsSchemaSays_WithTheRequestIdAsMessageId()
    {
        using var broker = AmqpTestBroker.Start()
            .Subscribe(Topic, "ICBC", "bankCode", "ICBC")
            .Subscribe(Topic, "CCB", "bankCode", "CCB")
            .Subscribe(Topic, "ABC", "bankCode", "ABC");
        await using var provider = Services(broker);
        var sender = provider.GetRequiredService<IBankRequestSender>();
        Assert.IsType<ServiceBusBankRequests>(sender);

        var icbc = new[] { Request(BankRequestKind.AssetInquiry, "ICBC", 1), Request(BankRequestKind.Freeze, "ICBC", 2) };
        var ccb = new[] { Request(BankRequestKind.AssetInquiry, "CCB", 3), Request(BankRequestKind.Payout, "CCB", 4) };
        foreach (var request in icbc.Concat(ccb)) await sender.SendAsync(request);
        // The same freeze again, as after a crash between sending and recording it sent.
        await sender.SendAsync(icbc[1]);

        // A send is acknowledged once the topic has copied it to the subscriptions whose filter it matches.
        Assert.Equal(3, broker.Waiting(AmqpTestBroker.SubscriptionPath(Topic, "ICBC")));
        Assert.Equal(2, broker.Waiting(AmqpTestBroker.SubscriptionPath(Topic, "CCB")));
        Assert.Equal(0, broker.Waiting(AmqpTestBroker.SubscriptionPath(Topic, "ABC")));

        var client = provider.GetRequiredService<ServiceBusClient>();
        var atIcbc = await ReceiveAsync(client, "ICBC", 3);
        var atCcb = await ReceiveAsync(client, "CCB", 2);
        Assert.Equal([icbc[0].RequestId, icbc[1].RequestId], atIcbc.Select(m => m.MessageId).Distinct());
        Assert.Equal(ccb.Select(r => r.RequestId), atCcb.Select(m => m.MessageId));
        foreach (var (message, request) in atIcbc.Zip(icbc.Append(icbc[1])).Concat(atCcb.Zip(ccb)))
            AssertIsTheRequest(message, request);
        // The real namespace's duplicate detection (requiresDuplicateDetection, a 7-day window) drops the second copy because its
        // message id is the first's; the test broker does not emulate duplicate detection, so the bank would see both: the same id.
        Assert.Equal(atIcbc[1].MessageId, atIcbc[2].MessageId);
        Assert.Equal(atIcbc[1].Body.ToString(), atIcbc[2].Body.ToString());
        // Completing a subscription's copy reaches the broker as it does for a queue's message.
        await broker.WaitForAsync(s => s.Queue == AmqpTestBroker.SubscriptionPath(Topic, "CCB") && s.MessageId == ccb[1].RequestId
            && s.Action == "complete");
        Assert.DoesNotContain(broker.Settlements, s => s.Action != "complete");
    }

    private static void AssertIsTheRequest(ServiceBusReceivedMessage message, BankRequest request)
    {
        var messageType = request.Kind switch
        {
            BankRequestKind.AssetInquiry => "asset-inquiry",
            BankRequestKind.Freeze => "freeze",
            BankRequestKind.Deduct => "deduct",
            _ => "payout",
        };
        Assert.Equal(request.RequestId, message.MessageId);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(messageType, message.Subject);
        Assert.Equal(request.BankCode, message.ApplicationProperties["bankCode"]);
        Assert.Equal(messageType, message.ApplicationProperties["messageType"]);
        using var body = JsonDocument.Parse(message.Body.ToMemory());
        Assert.Empty(BankMessageSchemas.Violations(BankMessageSchemas.Of(messageType), body.RootElement));
        Assert.Equal(request.RequestId, body.RootElement.GetProperty("requestId").GetString());
        Assert.Equal(request.BankCode, body.RootElement.GetProperty("bankCode").GetString());
        // Sent at the court's clock, in court time.
        Assert.Equal("2098-11-27T09:02:03+08:00", body.RootElement.GetProperty("sentAt").GetString());
    }

    /// <summary>Receives (peek-lock) until <paramref name="count"/> messages arrived, completing each (bounded, no fixed wait).</summary>
    private static async Task<List<ServiceBusReceivedMessage>> ReceiveAsync(ServiceBusClient client, string subscription, int count)
    {
        await using var receiver = client.CreateReceiver(Topic, subscription);
        var received = new List<ServiceBusReceivedMessage>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (received.Count < count && DateTime.UtcNow < until)
        {
            foreach (var message in await receiver.ReceiveMessagesAsync(count - received.Count, TimeSpan.FromSeconds(2)))
            {
                await receiver.CompleteMessageAsync(message);
                received.Add(message);
            }
        }
        Assert.True(received.Count == count, $"{subscription}: {received.Count} of {count} messages arrived.");
        return received;
    }
}
