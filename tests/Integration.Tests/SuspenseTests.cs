using Azure.Messaging.ServiceBus;
using ECourt.Application.Cases;
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

    /// <summary>An account in Harbin's range (settlement prefix 62170001) that no case has.</summary>
    private const string HarbinAccount = "6217000198110009996";

    /// <summary>An account in Daoli's range (62170002) that no case has.</summary>
    private const string DaoliAccount = "6217000298110000018";

    /// <summary>An account in no court's range.</summary>
    private const string NoCourtsAccount = "1234567890123456789";

    private static async Task DepositToUnknownAccountAsync(CourtTestHost host, string tx, string amount, string account = HarbinAccount)
    {
        var body = $$"""
            {"messageType":"credit","bankCode":"BOC","bankTransactionId":"{{tx}}","accountNumber":"{{account}}","amount":"{{amount}}",
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

    private static readonly string OtherFinance = CourtTestHost.Staff("finance-zhou", "finance");

    /// <summary>Holds the first two reads of a suspense item until both have happened: two claims that both saw it unclaimed.</summary>
    private sealed class RacingSuspense(ISuspenseLedger inner) : DelegatingSuspenseLedger(inner)
    {
        private readonly Barrier _both = new(2);
        private int _reads;

        public override async Task<SuspenseEntry?> GetAsync(string entryId, CancellationToken ct = default)
        {
            var entry = await base.GetAsync(entryId, ct);
            if (Interlocked.Increment(ref _reads) <= 2) await Task.Run(() => _both.SignalAndWait(TimeSpan.FromSeconds(10)), ct);
            return entry;
        }
    }

    [Fact]
    public async Task ConcurrentClaims_OfOneDeposit_ToTwoCases_BookedOnce()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<ISuspenseLedger>(sp =>
            new RacingSuspense(new ECourt.Adapters.Storage.TableSuspenseLedger(sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>()))));
        var liu = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var chen = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D9", "500.00");

        var answers = await Task.WhenAll(
            host.PostJsonAsync("/api/suspense/BOC:D9/claim", Finance, new { caseId = liu }),
            host.PostJsonAsync("/api/suspense/BOC:D9/claim", OtherFinance, new { caseId = chen }));
        var won = Assert.Single(answers, a => a.Status == 200);
        var lost = Assert.Single(answers, a => a.Status != 200);
        Assert.Equal(409, lost.Status);
        Assert.Equal("urn:ecourt:problem:suspense-already-claimed", lost.Json.GetProperty("type").GetString());

        var winner = won.Json.GetProperty("caseId").GetString()!;
        Assert.Single((await host.Store.GetFileAsync(winner))!.Ledger);
        Assert.Empty((await host.Store.GetFileAsync(winner == liu ? chen : liu))!.Ledger);
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        Assert.Equal(new FundsTotal("黑01", 500m, 1), await funds.TotalAsync("黑01"));
    }

    /// <summary>
    /// Crashes a claim or a release once at the step armed: after reserving, after booking, after moving the funds, after
    /// completing; after releasing the item (and, with <see cref="SteppedCaseStore"/>, after recording the release in the case).
    /// </summary>
    private sealed class CrashingClaim(ISuspenseLedger suspense, ICourtFunds funds) : DelegatingSuspenseLedger(suspense), ICourtFunds
    {
        private readonly Lock _lock = new();
        private string? _armed;

        public void Arm(string step)
        {
            lock (_lock) _armed = step;
        }

        public void Crash(string at)
        {
            lock (_lock)
            {
                if (_armed != at) return;
                _armed = null;
            }
            throw new Azure.RequestFailedException(503, $"crash after {at}");
        }

        public override async Task<SuspenseEntry> ReserveAsync(string entryId, SuspenseClaim claim, CancellationToken ct = default)
        {
            var reserved = await base.ReserveAsync(entryId, claim, ct);
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

        public override async Task<SuspenseEntry> CompleteClaimAsync(string entryId, string caseId, CancellationToken ct = default)
        {
            var done = await base.CompleteClaimAsync(entryId, caseId, ct);
            Crash("complete");
            return done;
        }

        public override async Task<SuspenseEntry> ReleaseAsync(string entryId, SuspenseClaim reservation, CancellationToken ct = default)
        {
            var released = await base.ReleaseAsync(entryId, reservation, ct);
            Crash("release");
            return released;
        }

        public Task<bool> RecordAsync(BookedCredit credit, CancellationToken ct = default) => funds.RecordAsync(credit, ct);
        public Task<FundsTotal> TotalAsync(string holder, CancellationToken ct = default) => funds.TotalAsync(holder, ct);
        public Task<IReadOnlyList<BookedCredit>> BookedOnAsync(string holder, string bankCode, DateOnly day,
            CancellationToken ct = default) =>
            funds.BookedOnAsync(holder, bankCode, day, ct);
    }

    /// <summary>
    /// The case store, crashing after a reservation's release is recorded in the case ("mark", when armed), and holding the next
    /// booking of a credit to a ledger until the test lets it go (when held).
    /// </summary>
    private sealed class SteppedCaseStore(CrashingClaim crashes, ICaseStore inner) : DelegatingCaseStore(inner)
    {
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _hold;

        public TaskCompletionSource BookingReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void HoldNextBooking() => _hold = _go;

        public void LetTheBookingGo() => _go.SetResult();

        public override async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            if (change.InsertOnce.Any(r => r.Value is LedgerEntry) && Interlocked.Exchange(ref _hold, null) is { } go)
            {
                BookingReached.SetResult();
                await go.Task;
            }
            var result = await base.CommitAsync(change, snapshotETag, ct);
            if (change.InsertOnce.Any(r => r.Value is ReservationEnd { Outcome: ReservationOutcome.Released })) crashes.Crash("mark");
            return result;
        }
    }

    /// <summary>A host whose claims and releases crash at the step armed (<paramref name="step"/> first), its case store stepped.</summary>
    private static async Task<CourtTestHost> StartCrashingClaimAsync(string step)
    {
        var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services =>
        {
            services.AddSingleton(sp =>
            {
                var storage = sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>();
                return new CrashingClaim(new ECourt.Adapters.Storage.TableSuspenseLedger(storage),
                    new ECourt.Adapters.Storage.TableCourtFunds(storage));
            });
            services.AddSingleton<ISuspenseLedger>(sp => sp.GetRequiredService<CrashingClaim>());
            services.AddSingleton<ICourtFunds>(sp => sp.GetRequiredService<CrashingClaim>());
            services.AddSingleton<ICaseStore>(sp => new SteppedCaseStore(sp.GetRequiredService<CrashingClaim>(),
                new ECourt.Adapters.Storage.TableCaseStore(sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>())));
        });
        host.Services.GetRequiredService<CrashingClaim>().Arm(step);
        return host;
    }

    [Theory]
    [InlineData("reserve")]
    [InlineData("book")]
    [InlineData("transfer")]
    [InlineData("complete")]
    public async Task Claim_CrashAfterEachStep_RetryFinishesTheSameClaim(string step)
    {
        await using var host = await StartCrashingClaimAsync(step);
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
    public async Task Release_OfAReservationWhoseCaseLacksTheCredit_Released_TheRightCaseThenClaimsIt()
    {
        await using var host = await StartCrashingClaimAsync("reserve");
        var wrong = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var right = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D13", "2300.00");
        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D13/claim", Finance, new { caseId = wrong })).Status);
        Assert.Equal(409, (await host.PostJsonAsync("/api/suspense/BOC:D13/claim", Finance, new { caseId = right })).Status);

        var party = CourtTestHost.Principal("user-liu", "party");
        Assert.Equal(403, (await host.PostJsonAsync("/api/suspense/BOC:D13/release", party, new { })).Status);
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D13/release", DaoliFinance, new { })).Status);
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:NONE/release", Finance, new { })).Status);
        var released = await host.PostJsonAsync("/api/suspense/BOC:D13/release", OtherFinance,
            new { note = "付款人确认案号有误" });
        Assert.True(released.Status == 200, released.ToString());
        Assert.Equal("released", released.Json.GetProperty("outcome").GetString());
        Assert.Equal(wrong, released.Json.GetProperty("caseId").GetString());
        Assert.False(released.Json.GetProperty("item").TryGetProperty("claimedToCase", out _));
        // Released again: nothing is reserved, nothing changes.
        var again = await host.PostJsonAsync("/api/suspense/BOC:D13/release", Finance, new { });
        Assert.Equal("released", again.Json.GetProperty("outcome").GetString());

        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:D13/claim", Finance, new { caseId = right })).Status);
        // A completed claim is not released: the answer says the deposit is claimed, and to which case.
        var claimed = await host.PostJsonAsync("/api/suspense/BOC:D13/release", Finance, new { });
        Assert.Equal(200, claimed.Status);
        Assert.Equal("claimed", claimed.Json.GetProperty("outcome").GetString());
        Assert.Equal(right, claimed.Json.GetProperty("caseId").GetString());
        Assert.Empty((await host.Store.GetFileAsync(wrong))!.Ledger);
        Assert.Single((await host.Store.GetFileAsync(right))!.Ledger);
        Assert.Equal(new FundsTotal("黑01", 2300m, 1), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync("黑01"));
    }

    [Fact]
    public async Task Release_OfAReservationWhoseCaseHasTheCredit_CompletesTheClaimInstead()
    {
        await using var host = await StartCrashingClaimAsync("book");
        var caseId = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D14", "2300.00");
        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D14/claim", Finance, new { caseId })).Status);

        var answer = await host.PostJsonAsync("/api/suspense/BOC:D14/release", Finance, new { });
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("claimed", answer.Json.GetProperty("outcome").GetString());
        Assert.Equal(caseId, answer.Json.GetProperty("caseId").GetString());
        Assert.Equal(caseId, answer.Json.GetProperty("item").GetProperty("claimedToCase").GetString());
        Assert.False(answer.Json.GetProperty("item").GetProperty("claimPending").GetBoolean());
        Assert.Empty(EntryIds(await host.GetAsync("/api/suspense", Finance)));
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Ledger);
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        Assert.Equal(new FundsTotal("黑01", 2300m, 1), await funds.TotalAsync("黑01"));
        await host.WaitForStatusAsync(caseId, CaseStatus.Accepted);
    }

    /// <summary>
    /// A release crashing after each of its steps leaves the deposit reserved for its case or released, never another case's;
    /// releasing again finishes: released (the case's ledger lacks the credit) or claimed (it has it).
    /// </summary>
    [Theory]
    [InlineData("reserve", "mark", "released")]
    [InlineData("reserve", "release", "released")]
    [InlineData("book", "mark", "claimed")]
    [InlineData("book", "transfer", "claimed")]
    [InlineData("book", "complete", "claimed")]
    public async Task Release_CrashAfterEachStep_ReleasingAgainFinishes(string claimCrash, string releaseCrash, string outcome)
    {
        await using var host = await StartCrashingClaimAsync(claimCrash);
        var reserved = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var other = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D15", "2300.00");
        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D15/claim", Finance, new { caseId = reserved })).Status);

        host.Services.GetRequiredService<CrashingClaim>().Arm(releaseCrash);
        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D15/release", Finance, new { })).Status);
        var interrupted = (await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D15"))!.Claim;
        Assert.True(interrupted is null || interrupted.CaseId == reserved, $"The deposit is held for {interrupted?.CaseId}.");
        Assert.Empty((await host.Store.GetFileAsync(other))!.Ledger);

        var finished = await host.PostJsonAsync("/api/suspense/BOC:D15/release", Finance, new { });
        Assert.True(finished.Status == 200, finished.ToString());
        Assert.Equal(outcome, finished.Json.GetProperty("outcome").GetString());
        if (outcome == "released")
        {
            Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:D15/claim", Finance, new { caseId = other })).Status);
            Assert.Empty((await host.Store.GetFileAsync(reserved))!.Ledger);
            Assert.Single((await host.Store.GetFileAsync(other))!.Ledger);
        }
        else
        {
            Assert.Equal(409, (await host.PostJsonAsync("/api/suspense/BOC:D15/claim", Finance, new { caseId = other })).Status);
            Assert.Single((await host.Store.GetFileAsync(reserved))!.Ledger);
            Assert.Empty((await host.Store.GetFileAsync(other))!.Ledger);
        }
        Assert.Empty(EntryIds(await host.GetAsync("/api/suspense", Finance)));
        var funds = host.Services.GetRequiredService<ICourtFunds>();
        Assert.Equal(new FundsTotal(FundsHolder.Suspense, 0m, 0), await funds.TotalAsync(FundsHolder.Suspense));
        Assert.Equal(new FundsTotal("黑01", 2300m, 1), await funds.TotalAsync("黑01"));
    }

    /// <summary>
    /// A claim retried to the reserved case is still booking when finance staff release the reservation (its ledger lacks the
    /// credit when the release looks). The booking cannot go ahead under the released reservation; the claim, which came last,
    /// reserves the deposit anew and books it, so no other case can take it too.
    /// </summary>
    [Fact]
    public async Task Release_WhileAClaimToTheSameCaseIsBooking_TheDepositIsBookedToOneCaseOnly()
    {
        await using var host = await StartCrashingClaimAsync("reserve");
        var store = (SteppedCaseStore)host.Store;
        var reserved = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var other = (await host.RegisteredAsync("user-chen", Filings.Property("user-chen"))).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D16", "2300.00");
        Assert.Equal(500, (await host.PostJsonAsync("/api/suspense/BOC:D16/claim", Finance, new { caseId = reserved })).Status);

        store.HoldNextBooking();
        var retried = host.PostJsonAsync("/api/suspense/BOC:D16/claim", Finance, new { caseId = reserved });
        await store.BookingReached.Task.WaitAsync(TimeSpan.FromSeconds(CourtSteps.Patience));
        var released = await host.PostJsonAsync("/api/suspense/BOC:D16/release", OtherFinance, new { });
        Assert.True(released.Status == 200, released.ToString());
        Assert.Equal("released", released.Json.GetProperty("outcome").GetString());
        store.LetTheBookingGo();
        var claimed = await retried;
        var toOther = await host.PostJsonAsync("/api/suspense/BOC:D16/claim", Finance, new { caseId = other });

        var ledgers = (await host.Store.GetFileAsync(reserved))!.Ledger.Count + (await host.Store.GetFileAsync(other))!.Ledger.Count;
        Assert.Equal(1, ledgers);
        Assert.True(claimed.Status == 200, claimed.ToString());
        Assert.Equal(409, toOther.Status);
        Assert.Single((await host.Store.GetFileAsync(reserved))!.Ledger);
        Assert.Equal(reserved, (await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D16"))!.Claim!.CaseId);
        Assert.Equal(new FundsTotal("黑01", 2300m, 1), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync("黑01"));
    }

    [Fact]
    public async Task Claim_ToAnotherCourtsCase_OrOfAnotherCourtsDeposit_NotFound_NothingReservedOrBooked()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var harbin = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var daoli = await RegisteredInDaoliAsync(host, "user-chen");
        await DepositToUnknownAccountAsync(host, "D7", "100.00");
        // Harbin's finance staff do not keep Daoli's case accounts; Daoli's do not keep Harbin's deposits.
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", Finance, new { caseId = daoli })).Status);
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", DaoliFinance, new { caseId = daoli })).Status);
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", DaoliFinance, new { caseId = harbin })).Status);
        Assert.Null((await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D7"))!.Claim);
        Assert.Empty((await host.Store.GetFileAsync(daoli))!.Ledger);
        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:D7/release", DaoliFinance, new { })).Status);
        // Harbin's own finance staff claim it to Harbin's case.
        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:D7/claim", Finance, new { caseId = harbin })).Status);
        Assert.Equal(new FundsTotal("黑01", 100m, 1), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync("黑01"));
    }

    [Fact]
    public async Task Claim_ToCaseNotRegistered_RefusedBeforeAnythingIsReserved_TheRightCaseThenClaimsIt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var submitted = await host.SubmittedAsync("user-chen", Filings.Property("user-chen"));
        var registered = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        await DepositToUnknownAccountAsync(host, "D11", "2300.00");

        var refused = await host.PostJsonAsync("/api/suspense/BOC:D11/claim", Finance, new { caseId = submitted });
        Assert.True(refused.Status == 409, refused.ToString());
        Assert.Equal("urn:ecourt:problem:case-not-registered", refused.Json.GetProperty("type").GetString());
        Assert.Contains("Submitted", refused.Json.GetProperty("detail").GetString());
        Assert.Null((await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D11"))!.Claim);
        Assert.Empty((await host.Store.GetFileAsync(submitted))!.Ledger);

        var claimed = await host.PostJsonAsync("/api/suspense/BOC:D11/claim", Finance, new { caseId = registered });
        Assert.True(claimed.Status == 200, claimed.ToString());
        await host.WaitForStatusAsync(registered, CaseStatus.Accepted);
    }

    [Fact]
    public async Task Claim_ToClosedCase_RefusedBeforeAnythingIsReserved()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var rejected = await host.SubmittedAsync("user-chen", Filings.Property("user-chen"));
        Assert.Equal(200, (await host.ReviewAsync(rejected, "reject", "不属于人民法院受理民事诉讼的范围")).Status);
        await DepositToUnknownAccountAsync(host, "D12", "50.00");

        var refused = await host.PostJsonAsync("/api/suspense/BOC:D12/claim", Finance, new { caseId = rejected });
        Assert.True(refused.Status == 409, refused.ToString());
        Assert.Equal("urn:ecourt:problem:case-closed", refused.Json.GetProperty("type").GetString());
        Assert.Contains("Rejected", refused.Json.GetProperty("detail").GetString());
        Assert.Null((await host.Services.GetRequiredService<ISuspenseLedger>().GetAsync("BOC:D12"))!.Claim);
    }

    private static List<string> EntryIds(TestResponse list)
    {
        Assert.True(list.Status == 200, list.ToString());
        return list.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entryId").GetString()!).ToList();
    }

    [Theory]
    [InlineData(null, "黑01")]
    [InlineData("黑0102", "黑0102")]
    public async Task List_EachCourtsFinance_SeesTheDepositsOfItsAccountRange_UnmatchedGoToTheConfiguredCourt(string? setting,
        string unmatchedTo)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            settings: setting is null ? null : new Dictionary<string, string?> { ["ECourt:Banking:SuspenseCourt"] = setting });
        await DepositToUnknownAccountAsync(host, "H1", "10.00", HarbinAccount);
        host.Clock.SetUtcNow(CourtTestHost.Future.AddMinutes(1));
        await DepositToUnknownAccountAsync(host, "Q1", "20.00", DaoliAccount);
        host.Clock.SetUtcNow(CourtTestHost.Future.AddMinutes(2));
        await DepositToUnknownAccountAsync(host, "N1", "30.00", NoCourtsAccount);

        var harbin = EntryIds(await host.GetAsync("/api/suspense", Finance));
        var daoli = EntryIds(await host.GetAsync("/api/suspense", DaoliFinance));
        Assert.Equal(unmatchedTo == "黑01" ? ["BOC:H1", "BOC:N1"] : ["BOC:H1"], harbin);
        Assert.Equal(unmatchedTo == "黑0102" ? ["BOC:Q1", "BOC:N1"] : ["BOC:Q1"], daoli);
        // The court that keeps a deposit is the one whose finance may claim it.
        var daoliCase = await RegisteredInDaoliAsync(host, "user-chen");
        var claim = await host.PostJsonAsync("/api/suspense/BOC:N1/claim", DaoliFinance, new { caseId = daoliCase });
        Assert.Equal(unmatchedTo == "黑0102" ? 200 : 404, claim.Status);
    }

    /// <summary>Writes the suspense rows the release before per-court lists stored (OLD-1 reserved for <paramref name="reservedFor"/>).
    /// </summary>
    private static async Task LoadRowsStoredBeforeCourtsAsync(CourtTestHost host, string reservedFor)
    {
        using var fixture = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "suspense-rows-before-courts.json")));
        foreach (var row in fixture.RootElement.GetProperty("rows").EnumerateArray())
        {
            var entity = new Azure.Data.Tables.TableEntity();
            foreach (var p in row.EnumerateObject())
                entity[p.Name] = p.Value.ValueKind == System.Text.Json.JsonValueKind.Number
                    ? p.Value.GetInt32()
                    : p.Value.GetString()!.Replace("CASEID", reservedFor);
            await host.Storage.Suspense.AddEntityAsync(entity);
        }
    }

    [Fact]
    public async Task DepositsStoredByTheReleaseBefore_ListedUnderTheirCourt_ReleasedAndClaimed()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var reserved = (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        var other = (await host.RegisteredAsync("user-wu", Filings.Property("user-wu"))).GetProperty("caseId").GetString()!;
        var daoli = await RegisteredInDaoliAsync(host, "user-chen");
        await LoadRowsStoredBeforeCourtsAsync(host, reserved);

        // OLD-1 (Harbin's range, left reserved for a case by the old claim), OLD-2 (Daoli's), OLD-3 (no court's: the default court's).
        Assert.Equal(["BOC:OLD-1", "BOC:OLD-3"], EntryIds(await host.GetAsync("/api/suspense", Finance)));
        Assert.Equal(["BOC:OLD-2"], EntryIds(await host.GetAsync("/api/suspense", DaoliFinance)));
        var old1 = (await host.GetAsync("/api/suspense", Finance)).Json.GetProperty("items")[0];
        Assert.Equal(reserved, old1.GetProperty("claimedToCase").GetString());
        Assert.True(old1.GetProperty("claimPending").GetBoolean());

        // The old reservation: its case's ledger lacks the credit, so it is released, and the right case claims it.
        Assert.Equal(409, (await host.PostJsonAsync("/api/suspense/BOC:OLD-1/claim", Finance, new { caseId = other })).Status);
        var released = await host.PostJsonAsync("/api/suspense/BOC:OLD-1/release", Finance, new { });
        Assert.True(released.Status == 200, released.ToString());
        Assert.Equal("released", released.Json.GetProperty("outcome").GetString());
        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:OLD-1/claim", Finance, new { caseId = other })).Status);
        Assert.Empty((await host.Store.GetFileAsync(reserved))!.Ledger);
        Assert.Single((await host.Store.GetFileAsync(other))!.Ledger);

        Assert.Equal(404, (await host.PostJsonAsync("/api/suspense/BOC:OLD-3/claim", DaoliFinance, new { caseId = daoli })).Status);
        Assert.Equal(200, (await host.PostJsonAsync("/api/suspense/BOC:OLD-2/claim", DaoliFinance, new { caseId = daoli })).Status);
        Assert.Equal(["BOC:OLD-3"], EntryIds(await host.GetAsync("/api/suspense", Finance)));
        Assert.Empty(EntryIds(await host.GetAsync("/api/suspense", DaoliFinance)));
        Assert.Equal(new FundsTotal("黑0102", 500m, 1), await host.Services.GetRequiredService<ICourtFunds>().TotalAsync("黑0102"));
    }
}
