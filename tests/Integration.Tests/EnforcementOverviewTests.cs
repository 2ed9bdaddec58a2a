using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ECourt.Adapters.Storage;
using ECourt.Application.Assignment;
using ECourt.Application.Cases;
using ECourt.Application.Enforcement;
using ECourt.Application.Numbering;
using ECourt.Application.Payments;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Fees;
using ECourt.Domain.Judgments;
using ECourt.Domain.Numbering;
using ECourt.Domain.Parties;
using ECourt.Domain.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ECourt.Integration.Tests;

/// <summary>
/// The enforcement command centre against Azurite: enforcement cases opened from hand-made effective judgments and assigned to their
/// officers, a burst of bank credits booked to their accounts at once, and the overview's figures per case, per officer and for the
/// court equal to the sums of the cases' ledgers; who may read it and which cases each sees; the officer filter; freezes expiring
/// counted as of the day read; its rows never replaced by an older version of a case, and written before a commit so a crash leaves
/// the row of what the retry commits.
/// </summary>
public class EnforcementOverviewTests
{
    private const string Court = "黑01";
    private static readonly string President = CourtTestHost.Staff("president-he", Roles.President);
    private static readonly string OfficerLi = CourtTestHost.Staff("officer-li", Roles.EnforcementOfficer);
    private static readonly string OfficerChen = CourtTestHost.Staff("officer-chen", Roles.EnforcementOfficer);
    private static readonly string EnforcementHead = CourtTestHost.Staff("head-enforcement", Roles.DivisionHead);
    private static readonly string CivilHead = CourtTestHost.Staff("head-civil", Roles.DivisionHead);

    private sealed record Opened(string CaseId, string AccountNumber, decimal AmountToRecover, string? Officer);

    /// <summary>
    /// An enforcement case as its opening makes it (<see cref="EnforcementOpening.Open"/>) from a hand-made effective judgment: number,
    /// account (in the account index, as <see cref="OpenEnforcementCase"/> adds it), the notice sent; with the measures given, then
    /// assigned to its officer (a change of the case, which writes its overview row) unless none is named.
    /// </summary>
    private static async Task<Opened> OpenAsync(CourtTestHost host, decimal amount, string? officer,
        Func<EnforcementSummary, DateTimeOffset, EnforcementSummary>? measures = null)
    {
        var at = host.Clock.GetUtcNow();
        var sp = host.Services;
        var deadlines = sp.GetRequiredService<DeadlineCalculator>();
        var court = sp.GetRequiredService<CourtDirectory>().Get(Court);
        var originalId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000",
                null, "哈尔滨市道里区示例街2号", "user-liu", false, null, [], []),
            new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                "哈尔滨市南岗区示例路1号", null, false, null, [], []),
        ];
        var judgment = new Judgment("jd" + originalId[2..], JudgmentKind.Judgment, null, "doc" + originalId[2..], "judge-zhao",
            at.AddDays(-60), [], [], JudgmentTextSource.Drafted, null, [1, 2], at.AddDays(-60), [], [], ChinaTime.DateOf(at.AddDays(-40)),
            [], []);
        var original = new CourtCase(originalId, Court, FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", amount, "判令被告偿还借款",
            "被告借款到期未还。", parties, "user-liu", "", at.AddDays(-120), CaseStatus.Effective, 9, "（2098）黑01民初7号", at.AddDays(-119))
            .With(judgment);
        var id = EnforcementCaseIds.For(originalId, 1);
        var application = new EnforcementApplication(1, id, "user-liu", at, null, null);
        var terms = new EnforcementOpening.Terms(1, [2], amount, ChinaTime.DateOf(at.AddDays(-25)), null);
        var number = await sp.GetRequiredService<ICaseNumberRegistry>().AllocateAsync(Court, ChinaTime.DateOf(at).Year,
            CaseTypeCode.Enforcement, id);
        var account = VirtualAccountNumber.Issue(court.SettlementAccountPrefix, number.Year,
            VirtualAccountNumber.SeriesCode(CaseTypeCode.Enforcement), number.Sequence);
        await sp.GetRequiredService<IAccountIndex>().AddAccountAsync(account, id);
        var fee = new FeeSchedule(court.FeeFigures).Quote(FeeCaseType.Enforcement, amount, Procedure.Ordinary);
        var (opened, openedEvent) = EnforcementOpening.Open(original, application, terms, number, account, fee, at, deadlines,
            sp.GetRequiredService<IOptions<EnforcementOptions>>().Value.SupervisionWorkingDays);
        var summary = opened.Enforcement! with { NoticeSentAt = at };
        opened = opened.WithEnforcement(measures?.Invoke(summary, at) ?? summary);
        var changes = sp.GetRequiredService<CaseChanges>();
        Assert.NotNull(await changes.CreateAsync(opened, [openedEvent]));
        if (officer is not null)
        {
            var member = new StaffMember(officer, officer, Court, Division.Enforcement,
                new HashSet<string> { Roles.EnforcementOfficer }, true);
            await changes.ApplyAsync(id, c => CaseChange.Of(CaseAssignments.ToOfficer(c, member, at)));
        }
        return new Opened(id, account, amount, officer);
    }

    private static Freeze Freeze(string requestId, DateOnly until, FreezeStatus status, DateTimeOffset at) =>
        new(requestId, "ICBC", "6222020200000000" + requestId[^3..], 2, 2000m, status == FreezeStatus.Requested ? 0m : 2000m, until, status,
            null, status == FreezeStatus.Requested ? null : at);

    private static decimal Money(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    private static int Count(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    /// <summary>What a case's ledger says: received (credits), paid out (payouts), and held for the creditor (received up to the
    /// amount to recover, less paid out).</summary>
    private sealed record Ledger(decimal Received, decimal PaidOut, decimal Held, decimal AmountToRecover);

    private static async Task<Ledger> LedgerOfAsync(CourtTestHost host, Opened c)
    {
        var rows = await host.Store.ListRowsAsync(c.CaseId, LedgerRows.Ledger);
        var received = rows.Where(r => r.Kind == LedgerEntry.Credit).Sum(r => r.Amount);
        var paidOut = rows.Where(r => r.Kind == LedgerEntry.Payout).Sum(r => r.Amount);
        return new Ledger(received, paidOut, Math.Max(0m, Math.Min(received, c.AmountToRecover) - paidOut), c.AmountToRecover);
    }

    private static void AssertMoney(JsonElement figures, IReadOnlyCollection<Ledger> ledgers, string what)
    {
        Assert.True(ledgers.Sum(l => l.AmountToRecover) == Money(figures, "amountToRecover"), $"{what}: amount to recover");
        Assert.True(ledgers.Sum(l => l.Received) == Money(figures, "received"), $"{what}: received");
        Assert.True(ledgers.Sum(l => l.PaidOut) == Money(figures, "paidOut"), $"{what}: paid out");
        Assert.True(ledgers.Sum(l => l.Held) == Money(figures, "held"), $"{what}: held");
    }

    private static async Task<JsonElement> OverviewAsync(CourtTestHost host, string principal, string query = "")
    {
        var response = await host.GetAsync("/api/enforcement/overview" + query, principal);
        Assert.True(response.Status == 200, response.ToString());
        return response.Json;
    }

    /// <summary>A field the answer may leave out (null fields are not written).</summary>
    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static JsonElement OfficerIn(JsonElement overview, string? officer) => overview.GetProperty("officers").EnumerateArray()
        .Single(o => Text(o, "officer") == officer).GetProperty("figures");

    private static List<string> CaseIds(JsonElement overview) =>
        overview.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!).Order().ToList();

    [Fact]
    public async Task ConcurrentBurstOfCredits_FiguresEqualTheSumsOfTheLedgers_PerCaseOfficerAndCourt()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var today = ChinaTime.DateOf(host.Clock.GetUtcNow());
        Opened[] cases =
        [
            // Supervised (idle), a payout not overdue; freezes: one expiring in 10 days, one in 31 (not yet), one only asked for (not
            // in force); an open inquiry with 2 of 3 banks silent, a closed one whose silent bank no longer counts.
            await OpenAsync(host, 30_000m, "officer-li", (e, at) => e with
            {
                SupervisedSince = at,
                Freezes =
                [
                    Freeze("rq-001", today.AddDays(10), FreezeStatus.Frozen, at),
                    Freeze("rq-002", today.AddDays(31), FreezeStatus.Frozen, at),
                    Freeze("rq-003", today.AddDays(5), FreezeStatus.Requested, at),
                ],
                Inquiries =
                [
                    new AssetInquiry("inq-001", "officer-li", at, today.AddDays(7), [new InquiryBank("ICBC", "rq-011", null, 0, 0m),
                        new InquiryBank("CCB", "rq-012", at, 1, 800m), new InquiryBank("BOC", "rq-013", null, 0, 0m)], null),
                    new AssetInquiry("inq-002", "officer-li", at.AddDays(-20), today.AddDays(-10),
                        [new InquiryBank("ICBC", "rq-021", null, 0, 0m)], at.AddDays(-9)),
                ],
            }),
            // Receives more than it is to recover: what it holds for the creditor stops at the amount to recover. A payout overdue, a
            // queued freeze (in force) whose last day is 30 days away.
            await OpenAsync(host, 8_000m, "officer-li", (e, at) => e with
            {
                PayoutOverdueSince = at,
                Freezes = [Freeze("rq-004", today.AddDays(30), FreezeStatus.Queued, at)],
            }),
            // Open past its time limit.
            await OpenAsync(host, 50_000m, "officer-chen", (e, at) => e with { LimitExceededAt = at }),
            // Not yet assigned: its row is written by the first credit.
            await OpenAsync(host, 20_000m, null),
        ];
        var at = host.Clock.GetUtcNow();
        var credits = cases.SelectMany((c, k) => Enumerable.Range(0, 15).Select(j => new BankCredit("ICBC", $"20981127-{k:D2}{j:D4}",
            c.AccountNumber, 500m + 37.25m * j + k, "CNY", "示例科技有限公司", "6222020200009999", "online", today, at))).ToList();
        var book = host.Services.GetRequiredService<BookCredit>();
        await Task.WhenAll(credits.Select(credit => Task.Run(() => book.RunAsync(credit, CancellationToken.None))));

        var ledgers = new Dictionary<string, Ledger>();
        foreach (var c in cases) ledgers[c.CaseId] = await LedgerOfAsync(host, c);
        Assert.All(cases, c => Assert.Equal(15, credits.Count(x => x.AccountNumber == c.AccountNumber)));
        Assert.Equal(credits.Sum(c => c.Amount), ledgers.Values.Sum(l => l.Received));
        Assert.True(ledgers[cases[1].CaseId].Received > cases[1].AmountToRecover, "the burst pays the second case more than it owes");

        var overview = await OverviewAsync(host, President);
        Assert.Equal(Court, overview.GetProperty("court").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), overview.GetProperty("today").GetString());
        var listed = overview.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("caseId").GetString()!);
        Assert.Equal(cases.Select(c => c.CaseId).Order(), listed.Keys.Order());
        foreach (var c in cases)
        {
            var row = listed[c.CaseId];
            AssertMoney(row, [ledgers[c.CaseId]], $"case {c.CaseId}");
            Assert.Equal(c.Officer, Text(row, "officer"));
            Assert.Equal("Enforcing", row.GetProperty("status").GetString());
            var stored = (await host.Store.GetAsync(c.CaseId))!.Case;
            Assert.Equal(stored.CaseNumber, row.GetProperty("caseNumber").GetString());
            Assert.Equal(stored.Enforcement!.Received, Money(row, "received"));
        }
        foreach (var officer in new[] { "officer-li", "officer-chen", null })
            AssertMoney(OfficerIn(overview, officer), cases.Where(c => c.Officer == officer).Select(c => ledgers[c.CaseId]).ToList(),
                $"officer {officer ?? "(none)"}");
        var totals = overview.GetProperty("totals");
        AssertMoney(totals, ledgers.Values, "the court");
        Assert.Equal(4, Count(totals, "openCases"));
        Assert.Equal(1, Count(totals, "overduePayouts"));
        Assert.Equal(2, Count(totals, "unansweredInquiries"));
        Assert.Equal(2, Count(totals, "expiringFreezes"));
        Assert.Equal(2, Count(totals, "supervisedCases"));
        var li = OfficerIn(overview, "officer-li");
        Assert.Equal((2, 1, 2, 2, 1), (Count(li, "openCases"), Count(li, "overduePayouts"), Count(li, "unansweredInquiries"),
            Count(li, "expiringFreezes"), Count(li, "supervisedCases")));
        Assert.Equal(1, Count(OfficerIn(overview, "officer-chen"), "supervisedCases"));
        var flags = cases.Select(c => listed[c.CaseId]).Select(r => (Count(r, "unansweredInquiries"), Count(r, "expiringFreezes"),
            r.GetProperty("payoutOverdue").GetBoolean(), r.GetProperty("supervised").GetBoolean())).ToList();
        Assert.Equal([(2, 1, false, true), (0, 1, true, false), (0, 0, false, true), (0, 0, false, false)], flags);

        // Each row is of the case's version as stored (the lifecycles the credits woke may have moved a case on since: each change
        // writes its row).
        await CourtSteps.WaitUntilAsync(async () =>
        {
            var read = (await OverviewAsync(host, President)).GetProperty("cases").EnumerateArray()
                .ToDictionary(c => c.GetProperty("caseId").GetString()!, c => c.GetProperty("version").GetInt32());
            var stored = new Dictionary<string, int>();
            foreach (var c in cases) stored[c.CaseId] = (await host.Store.GetAsync(c.CaseId))!.Case.Version;
            return cases.All(c => read[c.CaseId] == stored[c.CaseId]) ? "" : $"rows {string.Join(",", read.Values)}";
        }, r => r.Length == 0, "every row at its case's version");

        // Which freezes expire is counted on the day the overview is read, from the rows as they are: a day later, the freeze whose
        // last day was 31 days away is within 30.
        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddDays(1));
        var dayAfter = await OverviewAsync(host, President);
        Assert.Equal(3, Count(dayAfter.GetProperty("totals"), "expiringFreezes"));
    }

    [Fact]
    public async Task WhoReads_OwnCourtsEnforcementStaffOnly_CasesListedAsTheCaseAccessRuleAllows()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var registry = host.Services.GetRequiredService<IStaffRegistry>();
        await registry.PutAsync(new StaffMember("head-enforcement", "执行局长", Court, Division.Enforcement,
            new HashSet<string> { Roles.DivisionHead }, true));
        await registry.PutAsync(new StaffMember("head-civil", "民庭庭长", Court, Division.Civil,
            new HashSet<string> { Roles.DivisionHead }, true));
        var li = await OpenAsync(host, 10_000m, "officer-li");
        var chen = await OpenAsync(host, 20_000m, "officer-chen");
        var unassigned = await OpenAsync(host, 5_000m, null);
        await host.Services.GetRequiredService<BookCredit>().RunAsync(new BankCredit("ICBC", "20981127-000001", unassigned.AccountNumber,
            100m, "CNY", null, null, "online", ChinaTime.DateOf(host.Clock.GetUtcNow()), host.Clock.GetUtcNow()), CancellationToken.None);

        // Not enforcement staff, or staff of another court for this court: refused before anything is read.
        var party = await host.GetAsync("/api/enforcement/overview", CourtTestHost.Principal("user-liu", Roles.Party));
        Assert.Equal(403, party.Status);
        var clerk = await host.GetAsync("/api/enforcement/overview", CourtSteps.Clerk);
        Assert.Equal(403, clerk.Status);
        var otherCourt = CourtTestHost.Staff("officer-zhang", Roles.EnforcementOfficer, "黑0102");
        var refused = await host.GetAsync("/api/enforcement/overview?court=" + Uri.EscapeDataString(Court), otherCourt);
        Assert.Equal(403, refused.Status);
        Assert.Contains("own court", refused.Text, StringComparison.Ordinal);
        var own = await OverviewAsync(host, otherCourt);
        Assert.Equal("黑0102", own.GetProperty("court").GetString());
        Assert.Equal(0, Count(own.GetProperty("totals"), "openCases"));
        Assert.Empty(CaseIds(own));
        Assert.Equal(0, own.GetProperty("officers").GetArrayLength());

        // The court's own staff: everyone sees the court's and each officer's totals; the cases one by one as the case access rule allows.
        string[] all = [.. new[] { li.CaseId, chen.CaseId, unassigned.CaseId }.Order()];
        foreach (var (principal, sees) in new[]
        {
            (President, all),
            (EnforcementHead, all),
            (OfficerLi, new[] { li.CaseId, unassigned.CaseId }.Order().ToArray()),
            (OfficerChen, new[] { chen.CaseId, unassigned.CaseId }.Order().ToArray()),
            (CivilHead, Array.Empty<string>()),
        })
        {
            var overview = await OverviewAsync(host, principal, "?court=" + Uri.EscapeDataString(Court));
            Assert.Equal(3, Count(overview.GetProperty("totals"), "openCases"));
            Assert.Equal(35_000m, Money(overview.GetProperty("totals"), "amountToRecover"));
            Assert.Equal(3, overview.GetProperty("officers").GetArrayLength());
            Assert.Equal(sees, CaseIds(overview));
        }
    }

    [Fact]
    public async Task OfficerFilter_OnlyThatOfficersCases()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var first = await OpenAsync(host, 10_000m, "officer-li");
        var second = await OpenAsync(host, 12_000m, "officer-li");
        await OpenAsync(host, 20_000m, "officer-chen");

        var overview = await OverviewAsync(host, President, "?officer=officer-li");
        Assert.Equal("officer-li", overview.GetProperty("officer").GetString());
        Assert.Equal(new[] { first.CaseId, second.CaseId }.Order(), CaseIds(overview));
        Assert.Equal(2, Count(overview.GetProperty("totals"), "openCases"));
        Assert.Equal(22_000m, Money(overview.GetProperty("totals"), "amountToRecover"));
        Assert.Equal("officer-li", Assert.Single(overview.GetProperty("officers").EnumerateArray()).GetProperty("officer").GetString());
        var nobody = await OverviewAsync(host, President, "?officer=officer-nobody");
        Assert.Equal(0, Count(nobody.GetProperty("totals"), "openCases"));
        Assert.Empty(CaseIds(nobody));
    }

    [Fact]
    public async Task Row_NotReplacedByAnOlderVersion_ReplacedBySameOrNewer_LatestWinsAConcurrentBurst()
    {
        var overview = new TableEnforcementOverview(await Azurite.NewStorageAsync());
        var row = new EnforcementOverviewRow(Court, "cs0000000000000000000000a1", 5, "（2098）黑01执1号", "officer-li", CaseStatus.Enforcing,
            10_000m, 3_000m, 0m, 3_000m, false, 0, [new DateOnly(2098, 12, 20)], false);
        Assert.True(await overview.PutAsync(row));
        Assert.False(await overview.PutAsync(row with { Version = 4, Received = 1_000m, Held = 1_000m }));
        Assert.Equal((5, 3_000m), await ReadAsync());
        Assert.True(await overview.PutAsync(row with { Received = 4_000m, Held = 4_000m }));
        Assert.Equal((5, 4_000m), await ReadAsync());

        // Writers of versions 6 to 40 at once, in no order: whatever the interleaving, the row ends at version 40 and its figures.
        var versions = Enumerable.Range(6, 35).OrderBy(_ => Random.Shared.Next()).ToList();
        await Task.WhenAll(versions.Select(v => Task.Run(() =>
            overview.PutAsync(row with { Version = v, Received = v * 100m, Held = v * 100m }))));
        Assert.Equal((40, 4_000m), await ReadAsync());
        Assert.Equal([new DateOnly(2098, 12, 20)], (await overview.GetAsync(Court, row.CaseId))!.FreezesInForceUntil);

        // A case enforced in full leaves the open list, and an older open version does not bring it back.
        Assert.True(await overview.PutAsync(row with { Version = 41, Status = CaseStatus.Enforced }));
        Assert.False(await overview.PutAsync(row with { Version = 39 }));
        Assert.Empty(await overview.ListOpenAsync(Court, null));

        async Task<(int, decimal)> ReadAsync() => (await overview.GetAsync(Court, row.CaseId)) is { } stored
            ? (stored.Version, stored.Received)
            : throw new InvalidOperationException("No row.");
    }

    /// <summary>A process that dies after the row is written and before the case commits.</summary>
    private sealed class DiesBeforeCommit(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public override Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default) =>
            throw new IOException("The process died before the commit.");
    }

    [Fact]
    public async Task CrashBeforeTheCommit_LeavesTheRowOfWhatTheRetryCommits()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var opened = await OpenAsync(host, 10_000m, "officer-li");
        var overview = host.Services.GetRequiredService<IEnforcementOverview>();
        var before = (await host.Store.GetAsync(opened.CaseId))!.Case;
        var credit = new FeeCredit("ICBC", "20981127-000077", 1_234.56m, host.Clock.GetUtcNow());
        var dying = new CaseChanges(new DiesBeforeCommit(host.Store), [new EnforcementOverviewIndexing(overview)]);

        await Assert.ThrowsAsync<IOException>(() => dying.ApplyAsync(opened.CaseId,
            c => CaseChange.Of(EnforcementFunds.Credit(c, credit, host.Clock.GetUtcNow()))));
        Assert.Equal(before.Version, (await host.Store.GetAsync(opened.CaseId))!.Case.Version);
        var written = (await overview.GetAsync(Court, opened.CaseId))!;
        Assert.Equal((before.Version + 1, 1_234.56m), (written.Version, written.Received));

        // The credit delivered again commits that version: the row is the committed case's.
        var (outcome, committed) = await host.Services.GetRequiredService<BookCredit>().ToCaseAsync(opened.CaseId, credit,
            CancellationToken.None);
        Assert.Equal(BookCredit.CreditOutcome.Recorded, outcome);
        Assert.Equal(JsonSerializer.Serialize(EnforcementOverviewRow.Of(committed.Case)),
            JsonSerializer.Serialize(await overview.GetAsync(Court, opened.CaseId)));
    }
}
