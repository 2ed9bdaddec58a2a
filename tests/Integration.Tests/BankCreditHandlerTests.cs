using Azure;
using Azure.Messaging.ServiceBus;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.Payments;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Payments;
using ECourt.Functions.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ECourt.Integration.Tests;

/// <summary>The bank-credits handler with the SDK's own message factory and a receiver that records settlement.</summary>
public class BankCreditHandlerTests
{
    private static string Credit(string account, string amount = "2300.00", string bank = "ICBC", string tx = "20981127-000001",
        string currency = "CNY", string bookedAt = "2098-11-27T10:15:00+08:00") =>
        $$"""
        {"messageType":"credit","bankCode":"{{bank}}","bankTransactionId":"{{tx}}","accountNumber":"{{account}}","amount":"{{amount}}",
         "currency":"{{currency}}","payerName":"刘志强","payerAccount":"6222020200000000000","channel":"mobile","valueDate":"2098-11-27","bookedAt":"{{bookedAt}}"}
        """;

    private static ServiceBusReceivedMessage Message(string body, string? messageId, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString(body), messageId: messageId, deliveryCount: deliveryCount,
            lockTokenGuid: Guid.NewGuid(), contentType: "application/json");

    private static async Task<(BankMessageOutcome Outcome, RecordedSettlement Receiver)> Deliver(CourtTestHost host, string body, string? messageId, int deliveryCount = 1,
        BankCreditHandler? handler = null)
    {
        var receiver = new RecordedSettlement();
        var outcome = await (handler ?? host.Services.GetRequiredService<BankCreditHandler>())
            .HandleAsync(Message(body, messageId, deliveryCount), receiver, default);
        return (outcome, receiver);
    }

    private static async Task<(string CaseId, string Account)> RegisteredCase(CourtTestHost host, string filer = "user-liu", string claim = "100000.00")
    {
        var view = await host.RegisteredAsync(filer, Filings.Property(filer, claim));
        return (view.GetProperty("caseId").GetString()!, view.GetProperty("feeNotice").GetProperty("accountNumber").GetString()!);
    }

    [Fact]
    public async Task FullFee_Completed_CaseAccepted_DuplicateAppliedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        var (first, receiver) = await Deliver(host, Credit(account), "ICBC:20981127-000001");
        Assert.Equal(BankSettlement.Completed, first.Outcome);
        Assert.Equal("complete", Assert.Single(receiver.Settlements).Action);
        var (again, _) = await Deliver(host, Credit(account), "ICBC:20981127-000001", deliveryCount: 2);
        Assert.Equal(BankSettlement.Completed, again.Outcome);
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Single(file.Ledger);
        Assert.Equal(2300m, file.Case.FeeNotice!.AmountPaid);
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted);
    }

    [Fact]
    public async Task SameTransactionIdFromTwoBanks_TwoCredits_HalfThenRest()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        await Deliver(host, Credit(account, "1150.00", "ICBC", "T1"), "ICBC:T1");
        Assert.Equal(CaseStatus.AwaitingFee, (await host.Store.GetAsync(caseId))!.Case.Status);
        await Deliver(host, Credit(account, "1150.00", "ABC", "T1"), "ABC:T1");
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        Assert.Equal(2, (await host.Store.GetFileAsync(caseId))!.Ledger.Count);
    }

    [Fact]
    public async Task OutOfOrderDelivery_LaterBookingFirst_BothCount_RedeliveryAfterAcceptanceChangesNothing()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        await Deliver(host, Credit(account, "1150.00", tx: "B2", bookedAt: "2098-11-27T11:00:00+08:00"), "ICBC:B2");
        Assert.Equal(CaseStatus.AwaitingFee, (await host.Store.GetAsync(caseId))!.Case.Status);
        await Deliver(host, Credit(account, "1150.00", tx: "B1", bookedAt: "2098-11-27T10:00:00+08:00"), "ICBC:B1");
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        var (again, _) = await Deliver(host, Credit(account, "1150.00", tx: "B2", bookedAt: "2098-11-27T11:00:00+08:00"), "ICBC:B2", deliveryCount: 3);
        Assert.Equal(BankSettlement.Completed, again.Outcome);
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(["ICBC:B1", "ICBC:B2"], file.Ledger.Select(l => l.EntryId).Order().ToArray());
        Assert.Equal(2300m, file.Case.FeeNotice!.AmountPaid);
        Assert.Equal(new FundsTotal(file.Case.Court, 2300m, 2), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync(file.Case.Court));
    }

    [Fact]
    public async Task FiftyConcurrentCredits_BalanceIsTheSum()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host, claim: "10000000.00"); // fee 81,800
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Deliver(host, Credit(account, "1000.00", "CCB", $"P{i:D3}"), $"CCB:P{i:D3}")));
        Assert.All(outcomes, o => Assert.Equal(BankSettlement.Completed, o.Outcome.Outcome));
        var file = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(50, file.Ledger.Count);
        Assert.Equal(50_000m, file.Case.FeeNotice!.AmountPaid);
        Assert.Equal(file.Ledger.Sum(l => l.Amount), file.Case.FeeNotice!.AmountPaid);
        // The court's running total took every credit once, though 50 writers shared its total rows.
        Assert.Equal(new FundsTotal(file.Case.Court, 50_000m, 50), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync(file.Case.Court));
    }

    [Fact]
    public async Task UnknownAccount_ToSuspenseOnce_Completed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var unknown = "6217000198110009996";
        Assert.True(Domain.Payments.VirtualAccountNumber.IsValid(unknown));
        var (outcome, receiver) = await Deliver(host, Credit(unknown, tx: "S1"), "ICBC:S1");
        Assert.Equal(BankSettlement.Completed, outcome.Outcome);
        await Deliver(host, Credit(unknown, tx: "S1"), "ICBC:S1", 2);
        var entry = await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("ICBC:S1");
        Assert.NotNull(entry);
        Assert.Equal(2300m, entry!.Credit.Amount);
        Assert.Contains(unknown, entry.Reason);
        // A mistyped account (wrong check digit) is money for no case either.
        var (typo, _) = await Deliver(host, Credit("6217000198110009997", tx: "S2"), "ICBC:S2");
        Assert.Equal(BankSettlement.Completed, typo.Outcome);
        Assert.NotNull(await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("ICBC:S2"));
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 4600m, 2), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync(FundsHolder.Suspense));
    }

    [Theory]
    [InlineData("not json", null, "unparseable")]
    [InlineData("NUMBER", null, "schema-violation")]
    [InlineData("-5.00", null, "amount-not-positive")]
    [InlineData("5.001", null, "amount-over-precise")]
    [InlineData("USD", null, "currency-not-cny")]
    [InlineData("NOTX", null, "schema-violation")]
    [InlineData("2300.00", "ICBC:other", "message-id-mismatch")]
    public async Task BadMessage_DeadLetteredNamingTheRule_NothingWritten(string variant, string? messageId, string rule)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        var body = variant switch
        {
            "not json" => "{ \"messageType\": \"credit\", ",
            "NUMBER" => Credit(account).Replace("\"amount\":\"2300.00\"", "\"amount\":2300.00"),
            "USD" => Credit(account, currency: "USD"),
            "NOTX" => Credit(account).Replace("\"bankTransactionId\":\"20981127-000001\",", ""),
            _ => Credit(account, amount: variant),
        };
        var (outcome, receiver) = await Deliver(host, body, messageId ?? "ICBC:20981127-000001");
        Assert.Equal(BankSettlement.DeadLettered, outcome.Outcome);
        var settled = Assert.Single(receiver.Settlements);
        Assert.Equal("dead-letter", settled.Action);
        Assert.Equal(rule, settled.Reason);
        Assert.False(string.IsNullOrEmpty(settled.Description));
        Assert.Empty((await host.Store.GetFileAsync(caseId))!.Ledger);
    }

    private static BankCreditHandler Handler(CourtTestHost host, IAccountIndex index, int maxDeliveries = 10, ICourtFunds? funds = null)
    {
        var book = funds is null
            ? ActivatorUtilities.CreateInstance<BookCredit>(host.Services, index)
            : ActivatorUtilities.CreateInstance<BookCredit>(host.Services, index, funds);
        return new BankCreditHandler(book, Options.Create(new BankMessagingOptions { MaxDeliveries = maxDeliveries }), NullLogger<BankCreditHandler>.Instance);
    }

    [Fact]
    public async Task StorageUnavailable_Abandoned_ThenRedelivered_AppliedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        var handler = Handler(host, new FailingIndex(host.Services.GetRequiredService<IAccountIndex>(), failures: 1));
        var (first, receiver) = await Deliver(host, Credit(account), "ICBC:20981127-000001", 1, handler);
        Assert.Equal(BankSettlement.Abandoned, first.Outcome);
        Assert.Equal("abandon", Assert.Single(receiver.Settlements).Action);
        Assert.Empty((await host.Store.GetFileAsync(caseId))!.Ledger);
        var (second, _) = await Deliver(host, Credit(account), "ICBC:20981127-000001", 2, handler);
        Assert.Equal(BankSettlement.Completed, second.Outcome);
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
    }

    [Fact]
    public async Task StillFailingAtMaxDeliveries_DeadLetteredWithTheLastError()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (_, account) = await RegisteredCase(host);
        var handler = Handler(host, new FailingIndex(host.Services.GetRequiredService<IAccountIndex>(), failures: 100), maxDeliveries: 3);
        var (outcome, receiver) = await Deliver(host, Credit(account), "ICBC:20981127-000001", 3, handler);
        Assert.Equal(BankSettlement.DeadLettered, outcome.Outcome);
        var settled = Assert.Single(receiver.Settlements);
        Assert.Equal("transient-failure", settled.Reason);
        Assert.Contains("Storage unavailable", settled.Description);
    }

    /// <summary>A receiver whose broker connection drops at completion: the process "crashed" after committing.</summary>
    private sealed class CrashOnComplete : ServiceBusReceiver
    {
        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default) =>
            throw new ServiceBusException("The connection was lost.", ServiceBusFailureReason.ServiceCommunicationProblem);
    }

    [Fact]
    public async Task CrashAfterCommitBeforeComplete_Redelivered_OneEntry_RightState()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        var handler = host.Services.GetRequiredService<BankCreditHandler>();
        await Assert.ThrowsAsync<ServiceBusException>(() => handler.HandleAsync(Message(Credit(account), "ICBC:20981127-000001"), new CrashOnComplete(), default));
        var (again, _) = await Deliver(host, Credit(account), "ICBC:20981127-000001", deliveryCount: 2);
        Assert.Equal(BankSettlement.Completed, again.Outcome);
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
    }

    [Fact]
    public async Task CrashAfterLedgerBeforeSignal_Redelivered_SignalsAndCompletes()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        // The ledger transaction committed, then the process died before it signalled or completed.
        await host.Services.GetRequiredService<BookCredit>().ToCaseAsync(caseId, new FeeCredit("ICBC", "20981127-000001", 2300m, DateTimeOffset.Parse("2098-11-27T10:15:00+08:00")), default);
        var (redelivered, _) = await Deliver(host, Credit(account), "ICBC:20981127-000001", deliveryCount: 2);
        Assert.Equal(BankSettlement.Completed, redelivered.Outcome);
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
    }

    /// <summary>A funds register whose storage fails the first <paramref name="failures"/> credits.</summary>
    private sealed class FailingFunds(ICourtFunds inner, int failures) : ICourtFunds
    {
        private int _failures = failures;
        public Task<bool> RecordAsync(BookedCredit credit, CancellationToken ct = default) =>
            Interlocked.Decrement(ref _failures) >= 0 ? throw new RequestFailedException(503, "Storage unavailable") : inner.RecordAsync(credit, ct);
        public Task<bool> TransferAsync(string creditKey, string fromHolder, string toHolder, decimal amount, CancellationToken ct = default) =>
            inner.TransferAsync(creditKey, fromHolder, toHolder, amount, ct);
        public Task<FundsTotal> TotalAsync(string holder, CancellationToken ct = default) => inner.TotalAsync(holder, ct);
        public Task<IReadOnlyList<BookedCredit>> BookedOnAsync(string holder, string bankCode, DateOnly day, CancellationToken ct = default) =>
            inner.BookedOnAsync(holder, bankCode, day, ct);
    }

    [Fact]
    public async Task CrashAfterLedgerBeforeFundsRegister_Abandoned_RedeliveryRecordsOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        var handler = Handler(host, host.Services.GetRequiredService<IAccountIndex>(), funds: new FailingFunds(funds, failures: 1));
        var (first, _) = await Deliver(host, Credit(account, "1000.00"), "ICBC:20981127-000001", 1, handler);
        Assert.Equal(BankSettlement.Abandoned, first.Outcome);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
        var court = (await host.Store.GetAsync(caseId))!.Case.Court;
        Assert.Equal(new FundsTotal(court, 0m, 0), await funds.TotalAsync(court));

        for (var delivery = 2; delivery <= 3; delivery++)
            Assert.Equal(BankSettlement.Completed, (await Deliver(host, Credit(account, "1000.00"), "ICBC:20981127-000001", delivery, handler)).Outcome.Outcome);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
        Assert.Equal(new FundsTotal(court, 1000m, 1), await funds.TotalAsync(court));
        Assert.Single(await funds.BookedOnAsync(court, "ICBC", new DateOnly(2098, 11, 27)));
    }

    [Fact]
    public async Task CreditBookedThenCaseClosed_Redelivered_StaysWithTheCase_NotInSuspense()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        await Deliver(host, Credit(account, "100.00"), "ICBC:20981127-000001");
        // The case ends (here: closed directly in storage, as a withdrawal ruling would) before the message comes again.
        await host.Services.GetRequiredService<CaseChanges>().ApplyAsync(caseId, c => CaseChange.Of(c with { Status = CaseStatus.DeemedWithdrawn }, []));
        var (again, _) = await Deliver(host, Credit(account, "100.00"), "ICBC:20981127-000001", deliveryCount: 2);
        Assert.Equal(BankSettlement.Completed, again.Outcome);
        Assert.Null(await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("ICBC:20981127-000001"));
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
    }

    [Fact]
    public async Task WithoutDurableClient_SignalGoesByQueue_RelayMovesTheOrchestration()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var (caseId, account) = await RegisteredCase(host);
        // Wait until the orchestration has read the registered case and waits for the fee, so only a signal can move it now.
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.AwaitingFee);
        // The Functions app's listener has no durable client: its messages go by queue.
        var book = ActivatorUtilities.CreateInstance<BookCredit>(host.Services, new CaseSignals(new ECourt.Functions.Messaging.QueuedDurableMessaging(host.Storage)));
        var handler = new BankCreditHandler(book, Options.Create(new BankMessagingOptions()), NullLogger<BankCreditHandler>.Instance);
        var receiver = new RecordedSettlement();
        var outcome = await handler.HandleAsync(Message(Credit(account), "ICBC:20981127-000001"), receiver, default);
        Assert.Equal(BankSettlement.Completed, outcome.Outcome);
        var queued = Assert.Single((await host.Storage.CaseSignals.ReceiveMessagesAsync(10)).Value);
        var text = queued.Body.ToString();
        Assert.Contains(caseId, text);

        var instance = await host.Client.GetInstanceAsync(ECourt.Orchestrations.Cases.CaseLifecycle.InstanceId(caseId));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        // What the queue trigger hands the relay function (the host decodes base64).
        var relay = ActivatorUtilities.CreateInstance<ECourt.Functions.Messaging.DurableMessageRelay>(host.Services);
        await relay.Relay(text, host.Client, new TestFunctionContext("RelayCaseSignal"));
        await host.WaitForLifecycleWaitingAsync(caseId, CaseStatus.Accepted);
        // A malformed message is dropped, not retried into the poison queue.
        await relay.Relay("{not json", host.Client, new TestFunctionContext("RelayCaseSignal"));
    }
}
