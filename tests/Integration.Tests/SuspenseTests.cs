using Azure.Messaging.ServiceBus;
using ECourt.Domain.Banking;
using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Functions.Banking;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>Finance staff list unmatched deposits, see which are overdue, and claim them to their cases.</summary>
public class SuspenseTests
{
    private static readonly string Finance = CourtTestHost.Staff("finance-sun", "finance");

    private static async Task DepositToUnknownAccountAsync(CourtTestHost host, string tx, string amount)
    {
        var body = $$"""
            {"messageType":"credit","bankCode":"BOC","bankTransactionId":"{{tx}}","accountNumber":"6217000198110009996","amount":"{{amount}}",
             "currency":"CNY","payerName":"刘志强","valueDate":"2098-11-27","bookedAt":"2098-11-27T09:00:00+08:00"}
            """;
        var message = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString(body), messageId: $"BOC:{tx}", deliveryCount: 1, lockTokenGuid: Guid.NewGuid());
        var outcome = await host.Services.GetRequiredService<BankCreditHandler>().HandleAsync(message, new RecordedSettlement(), host.Client, default);
        Assert.Equal(BankSettlement.Completed, outcome.Outcome);
    }

    [Fact]
    public async Task UnmatchedDeposit_Listed_OverdueAfterThreeWorkingDays_ClaimedToItsCase()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var view = await host.RegisteredAsync("user-liu");
        var caseId = view.GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D1", "2300.00");

        var list = await host.GetAsync("/api/suspense", Finance);
        Assert.Equal(200, list.Status);
        var item = Assert.Single(list.Json.GetProperty("items").EnumerateArray());
        Assert.Equal("BOC:D1", item.GetProperty("entryId").GetString());
        Assert.Equal("2300.00", item.GetProperty("amount").GetString());
        // Recorded Thu 2098-11-27: 3 working days → Fri 28, Mon Dec 1, Tue Dec 2.
        Assert.Equal("2098-12-02", item.GetProperty("claimBy").GetString());
        Assert.False(item.GetProperty("overdue").GetBoolean());
        Assert.Equal(403, (await host.GetAsync("/api/suspense", CourtTestHost.Principal("user-liu", "party"))).Status);

        host.Clock.SetUtcNow(CourtTestHost.China("2098-12-03T00:00"));
        Assert.True((await host.GetAsync("/api/suspense", Finance)).Json.GetProperty("items")[0].GetProperty("overdue").GetBoolean());

        var claim = await host.PostJsonAsync("/api/suspense/BOC:D1/claim", Finance, new { caseId, note = "付款人来电确认案号" });
        Assert.Equal(200, claim.Status);
        Assert.Equal(caseId, claim.Json.GetProperty("item").GetProperty("claimedToCase").GetString());
        Assert.Equal("2300.00", claim.Json.GetProperty("amountPaid").GetString());
        // Claiming again to the same case changes nothing; to another case is refused.
        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:D1/claim", Finance, new { caseId })).Status);
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
        Assert.Empty((await host.GetAsync("/api/suspense", Finance)).Json.GetProperty("items").EnumerateArray());
        var other = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        Assert.Equal(409, (await host.PostJsonAsync("/api/suspense/BOC:D1/claim", Finance, new { caseId = other })).Status);

        var ledger = await host.GetAsync($"/api/cases/{caseId}/ledger", Finance);
        Assert.Equal(200, ledger.Status);
        Assert.Equal("BOC:D1", ledger.Json.GetProperty("entries")[0].GetProperty("entryId").GetString());
        Assert.Equal("2300.00", ledger.Json.GetProperty("balance").GetString());
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);

        // The money moved once from suspense to the case's court in the funds register, though claimed twice.
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        var court = (await host.Store.GetAsync(caseId))!.Case.Court;
        Assert.Equal(new FundsTotal(court, 2300m, 1), await funds.TotalAsync(court));
    }

    [Fact]
    public async Task Ledger_VisibleToParties_AndFinanceOfTheCourt_NotToOthers()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/ledger", CourtTestHost.Principal("user-liu", "party"))).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/ledger", CourtTestHost.Principal("user-x", "party"))).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/ledger", CourtTestHost.Staff("finance-li", "finance", "黑0102"))).Status);
        Assert.Equal(401, (await host.GetAsync($"/api/cases/{caseId}/ledger", null)).Status);
    }
}
