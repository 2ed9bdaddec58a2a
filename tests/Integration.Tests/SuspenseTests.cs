using Azure.Messaging.ServiceBus;
using ECourt.Application.Payments;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;
using ECourt.Functions.Payments;
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
        var outcome = await host.Services.GetRequiredService<BankCreditHandler>().HandleAsync(message, new RecordedSettlement(), default);
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

    /// <summary>A case registered in the Daoli District court (黑0102) by that court's clerk.</summary>
    private static async Task<string> RegisteredInDaoliAsync(CourtTestHost host, string filer)
    {
        var body = Filings.Property(filer);
        body["court"] = "黑0102";
        var caseId = await host.SubmittedAsync(filer, body);
        var r = await host.PostJsonAsync($"/api/cases/{caseId}/review", CourtTestHost.Staff("clerk-li", "clerk", "黑0102"), new { decision = "accept" });
        Assert.True(r.Status == 200, r.ToString());
        return caseId;
    }

    private static readonly string DaoliFinance = CourtTestHost.Staff("finance-li", "finance", "黑0102");

    /// <summary>Holds the first two reads of a suspense item until both have happened: two claims that both saw it unclaimed.</summary>
    private sealed class RacingSuspense(ISuspenseLedger inner) : ISuspenseLedger
    {
        private readonly Barrier _both = new(2);
        private int _reads;

        public async Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default)
        {
            var entry = await inner.GetAsync(entryId, ct);
            if (Interlocked.Increment(ref _reads) <= 2) await Task.Run(() => _both.SignalAndWait(TimeSpan.FromSeconds(10)), ct);
            return entry;
        }

        public Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default) => inner.RecordAsync(entry, ct);
        public Task<ECourt.Application.Cases.Page<SuspenseEntry>> ListOpenAsync(int pageSize, string? token, CancellationToken ct = default) => inner.ListOpenAsync(pageSize, token, ct);
        public Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default) => inner.ReserveAsync(entryId, claim, ct);
        public Task ReleaseAsync(string entryId, string caseId, CancellationToken ct = default) => inner.ReleaseAsync(entryId, caseId, ct);
        public Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default) => inner.CompleteClaimAsync(entryId, caseId, ct);
    }

    [Fact]
    public async Task ConcurrentClaims_OfOneDeposit_ToCasesOfTwoCourts_BookedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<ISuspenseLedger>(sp =>
            new RacingSuspense(new ECourt.Adapters.Storage.TableSuspenseLedger(sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>()))));
        var harbin = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var daoli = await RegisteredInDaoliAsync(host, "user-chen");
        await DepositToUnknownAccountAsync(host, "D9", "500.00");

        var answers = await Task.WhenAll(
            host.PostJsonAsync("/api/suspense/BOC:D9/claim", Finance, new { caseId = harbin }),
            host.PostJsonAsync("/api/suspense/BOC:D9/claim", DaoliFinance, new { caseId = daoli }));
        var won = Assert.Single(answers, a => a.Status == 200);
        var lost = Assert.Single(answers, a => a.Status != 200);
        Assert.Equal(409, lost.Status);
        Assert.Equal("urn:ecourt:problem:suspense-already-claimed", lost.Json.GetProperty("type").GetString());

        var winner = won.Json.GetProperty("caseId").GetString()!;
        var loser = winner == harbin ? daoli : harbin;
        Assert.Single((await host.Store.GetFileAsync(winner))!.Ledger);
        Assert.Empty((await host.Store.GetFileAsync(loser))!.Ledger);
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        var (winningCourt, losingCourt) = winner == harbin ? ("黑01", "黑0102") : ("黑0102", "黑01");
        Assert.Equal(new FundsTotal(winningCourt, 500m, 1), await funds.TotalAsync(winningCourt));
        Assert.Equal(new FundsTotal(losingCourt, 0m, 0), await funds.TotalAsync(losingCourt));
    }

    /// <summary>Crashes a claim once at the named step: after reserving, after booking, after moving the funds, after completing.</summary>
    private sealed class CrashingClaim(string step, ISuspenseLedger suspense, ICourtFunds funds) : ISuspenseLedger, ICourtFunds
    {
        private int _crashed;
        private void Crash(string at) { if (at == step && Interlocked.Exchange(ref _crashed, 1) == 0) throw new Azure.RequestFailedException(503, $"crash after {at}"); }

        public async Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default)
        {
            var reserved = await suspense.ReserveAsync(entryId, claim, ct);
            Crash("reserve");
            return reserved;
        }

        public async Task<bool> TransferAsync(string creditKey, string fromHolder, string toHolder, decimal amount, CancellationToken ct = default)
        {
            Crash("book");
            var moved = await funds.TransferAsync(creditKey, fromHolder, toHolder, amount, ct);
            Crash("transfer");
            return moved;
        }

        public async Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default)
        {
            var done = await suspense.CompleteClaimAsync(entryId, caseId, ct);
            Crash("complete");
            return done;
        }

        public Task<bool> RecordAsync(SuspenseEntry entry, CancellationToken ct = default) => suspense.RecordAsync(entry, ct);
        public Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default) => suspense.GetAsync(entryId, ct);
        public Task<ECourt.Application.Cases.Page<SuspenseEntry>> ListOpenAsync(int pageSize, string? token, CancellationToken ct = default) => suspense.ListOpenAsync(pageSize, token, ct);
        public Task ReleaseAsync(string entryId, string caseId, CancellationToken ct = default) => suspense.ReleaseAsync(entryId, caseId, ct);
        public Task<bool> RecordAsync(BookedCredit credit, CancellationToken ct = default) => funds.RecordAsync(credit, ct);
        public Task<FundsTotal> TotalAsync(string holder, CancellationToken ct = default) => funds.TotalAsync(holder, ct);
        public Task<IReadOnlyList<BookedCredit>> BookedOnAsync(string holder, string bankCode, DateOnly day, CancellationToken ct = default) => funds.BookedOnAsync(holder, bankCode, day, ct);
    }

    [Theory]
    [InlineData("reserve")]
    [InlineData("book")]
    [InlineData("transfer")]
    [InlineData("complete")]
    public async Task Claim_CrashAfterEachStep_RetryFinishesTheSameClaim(string step)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services =>
        {
            services.AddSingleton(sp =>
            {
                var storage = sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>();
                return new CrashingClaim(step, new ECourt.Adapters.Storage.TableSuspenseLedger(storage), new ECourt.Adapters.Storage.TableCourtFunds(storage));
            });
            services.AddSingleton<ISuspenseLedger>(sp => sp.GetRequiredService<CrashingClaim>());
            services.AddSingleton<ICourtFunds>(sp => sp.GetRequiredService<CrashingClaim>());
        });
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var other = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D5", "2300.00");

        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D5/claim", Finance, new { caseId })).Status);
        // Interrupted, the deposit is still the first case's: another case cannot take it.
        Assert.Equal(409, (await host.PostJsonAsync("/api/suspense/BOC:D5/claim", Finance, new { caseId = other })).Status);
        var retried = await host.PostJsonAsync("/api/suspense/BOC:D5/claim", Finance, new { caseId });
        Assert.True(retried.Status == 200, retried.ToString());
        Assert.Equal("2300.00", retried.Json.GetProperty("amountPaid").GetString());

        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
        Assert.Empty((await host.Store.GetFileAsync(other))!.Ledger);
        Assert.Empty((await host.GetAsync("/api/suspense", Finance)).Json.GetProperty("items").EnumerateArray());
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        Assert.Equal(new FundsTotal("黑01", 2300m, 1), await funds.TotalAsync("黑01"));
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
    }

    [Fact]
    public async Task Claim_ToAnotherCourtsCase_NotFound_NothingReservedOrBooked()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var daoli = await RegisteredInDaoliAsync(host, "user-chen");
        await DepositToUnknownAccountAsync(host, "D7", "100.00");
        // Harbin's finance staff do not keep Daoli's case accounts.
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", Finance, new { caseId = daoli })).Status);
        Assert.Null((await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D7"))!.Claim);
        Assert.Empty((await host.Store.GetFileAsync(daoli))!.Ledger);
        // Daoli's own finance staff claim it.
        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", DaoliFinance, new { caseId = daoli })).Status);
        Assert.Equal(new FundsTotal("黑0102", 100m, 1), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync("黑0102"));
    }
}
