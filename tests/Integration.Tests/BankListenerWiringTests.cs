using System.Diagnostics;
using ECourt.Adapters.Storage;
using ECourt.Application.Payments;
using ECourt.Domain.Cases;
using ECourt.Integration.Tests.Broker;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The hosted listener with the real Service Bus client, connected to an in-process AMQP 1.0 broker:
/// it receives from both bank queues and its handlers' complete, abandon and dead-letter reach the broker.
/// </summary>
public class BankListenerWiringTests
{
    private static string Credit(string account, string tx, string currency = "CNY") => $$"""
        {"messageType":"credit","bankCode":"ICBC","bankTransactionId":"{{tx}}","accountNumber":"{{account}}","amount":"2300.00",
         "currency":"{{currency}}","channel":"online","valueDate":"2098-11-27","bookedAt":"2098-11-27T10:15:00+08:00"}
        """;

    [Fact]
    public async Task Listener_Receives_Completes_AbandonsTransient_DeadLettersBad_ThenStops()
    {
        using var broker = AmqpTestBroker.Start();
        var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            // Account look-ups fail once, as when storage is briefly unavailable.
            services => services.AddSingleton<IAccountIndex>(sp => new FailingIndex(new TableCaseIndex(sp.GetRequiredService<StorageClients>()), failures: 1)),
            new Dictionary<string, string?> { ["ECourt:Banking:ServiceBus:ConnectionString"] = broker.ConnectionString });
        try
        {
            var view = await host.RegisteredAsync("user-liu");
            var caseId = view.GetProperty("caseId").GetString()!;
            var account = view.GetProperty("feeNotice").GetProperty("accountNumber").GetString()!;

            broker.Send("bank-credits", Credit(account, "W1"), "ICBC:W1");
            var abandoned = await broker.WaitForAsync(s => s.MessageId == "ICBC:W1" && s.Action == "abandon");
            Assert.Equal(1, abandoned.DeliveryCount);
            var completed = await broker.WaitForAsync(s => s.MessageId == "ICBC:W1" && s.Action == "complete");
            Assert.Equal(2, completed.DeliveryCount);
            await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
            Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);

            broker.Send("bank-credits", Credit(account, "W2", currency: "USD"), "ICBC:W2");
            var deadLettered = await broker.WaitForAsync(s => s.MessageId == "ICBC:W2");
            Assert.Equal("dead-letter", deadLettered.Action);
            Assert.Equal("currency-not-cny", deadLettered.Reason);
            Assert.Contains("USD", deadLettered.Description);

            broker.Send("bank-statements", $$"""
                {"messageType":"statement","bankCode":"ICBC","statementDate":"2098-11-27","count":1,"total":"2300.00",
                 "entries":[{"bankTransactionId":"W1","accountNumber":"{{account}}","amount":"2300.00","bookedAt":"2098-11-27T10:15:00+08:00"}]}
                """, "ICBC:statement:2098-11-27");
            Assert.Equal("complete", (await broker.WaitForAsync(s => s.Queue == "bank-statements")).Action);
            var reconciled = await host.Services.GetRequiredService<IReconciliationStore>().GetAsync("ICBC", new DateOnly(2098, 11, 27));
            Assert.True(reconciled!.Balanced);
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            await host.DisposeAsync();
            // The processor drains its links on the way out; a broker that ignored the drain would hold it for a minute.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), $"The host took {stopping.Elapsed} to stop.");
        }
        Assert.DoesNotContain(broker.Settlements, s => s.Action == "release");
    }
}
