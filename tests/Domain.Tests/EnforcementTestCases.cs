using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Fees;
using ECourt.Domain.Judgments;
using ECourt.Domain.Numbering;
using ECourt.Domain.Parties;
using ECourt.Domain.Payments;

namespace ECourt.Domain.Tests;

/// <summary>
/// Cases for the enforcement tests, made by hand: an effective original case whose judgment orders money with its performance
/// deadlines written in (not computed), and the enforcement case a creditor's application opens on the 2026 arrangement.
/// </summary>
internal static class EnforcementTestCases
{
    public static readonly DeadlineCalculator Calc = new(new CourtCalendar(PublishedCalendars.All));
    public static readonly FeeSchedule Schedule = new(CourtDirectory.Harbin.FeeFigures);
    public static readonly Actor Officer = new("officer-sun", Roles.EnforcementOfficer);
    public static readonly Actor DivisionHead = new("head-li", Roles.DivisionHead);
    public static readonly Actor President = new("president-ma", Roles.President);
    public static readonly Actor CreditorUser = new("user-chen", Roles.Party);

    /// <summary>The court's figures in these tests: the president above 500,000; 7 days to answer; 3 working days a step; 6 idle.</summary>
    public static readonly EnforcementPolicy Policy = new(500_000m, 7, 3, 6, ["ICBC", "CCB", "ABC"], "ICBC");

    public static readonly PayeeAccount Payee = new("陈丽", "6222020200001234567", "中国工商银行哈尔滨分行");

    public const string OriginalId = "cs000000000000000000000001";

    /// <summary>A resident id of 18 characters (the GB 11643 example number).</summary>
    public const string WangId = "11010519491231002X";

    public const string CompanyCode = "91230100MA1B2C3D4E";

    public static DateTimeOffset China(string local) => DateTimeOffset.Parse(local + "+08:00");

    public static DateOnly Day(string day) => DateOnly.Parse(day);

    private static Party Person(int n, PartyRole role, string name, string id, string? user, bool minor = false) =>
        new(n, role, PartyKind.Person, name, IdentityDocumentType.ResidentId, id, null, null, null, null, user, minor, null, [], []);

    /// <summary>
    /// Parties of the original case: 1 刘志强 and 4 陈丽 plaintiffs; 2 王建国 (a person), 3 a company and 5 a minor defendants.
    /// </summary>
    public static IReadOnlyList<Party> OriginalParties { get; } =
    [
        Person(1, PartyRole.Plaintiff, "刘志强", "230103198506152316", "user-liu"),
        Person(2, PartyRole.Defendant, "王建国", WangId, "user-wang"),
        new(3, PartyRole.Defendant, PartyKind.Organisation, "哈尔滨某商贸有限公司", null, null, CompanyCode, null, null, null, "user-co", false,
            null, [], []),
        Person(4, PartyRole.Plaintiff, "陈丽", "230102199003076541", "user-chen"),
        Person(5, PartyRole.Defendant, "张小明", "230104201205203314", null, minor: true),
    ];

    /// <summary>One order of the judgment with its last day of performance (as the judgment stage wrote it).</summary>
    public sealed record Ordered(int Debtor, int Creditor, decimal? Amount, string LastDay);

    /// <summary>
    /// The default judgment: 王建国 pays 陈丽 100,000 and apologises to her (no money), the company pays 刘志强 5,000; all by Thu
    /// 2026-08-20.
    /// </summary>
    public static readonly Ordered[] DefaultOrders =
    [
        new(2, 4, 100_000m, "2026-08-20"),
        new(2, 4, null, "2026-08-20"),
        new(3, 1, 5_000m, "2026-08-20"),
    ];

    public static CourtCase Original(CaseStatus status = CaseStatus.Effective, params Ordered[] orders)
    {
        if (orders.Length == 0) orders = DefaultOrders;
        var judgment = new Judgment("jd000000000000000000000001", JudgmentKind.Judgment, null, "docj", "judge-zhao",
            China("2026-07-01T10:00"),
            orders.Select(o => new JudgmentOrder(o.Debtor, o.Creditor, o.Amount, 10, o.Amount is null ? "赔礼道歉" : $"支付{o.Amount:0}元"))
                .ToList(),
            [new CostShare(2, 2_300m)], JudgmentTextSource.Drafted, null, [1, 2, 3, 4, 5], China("2026-07-01T11:00"), [], [],
            status == CaseStatus.Effective ? new DateOnly(2026, 8, 10) : null,
            status == CaseStatus.Effective ? orders.Select((o, i) => new PerformanceDeadline(i, Day(o.LastDay), false)).ToList() : [],
            []);
        return new CourtCase(OriginalId, "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", 105_000m, "判令被告还款", "事实",
            OriginalParties, "user-chen", "fp", China("2026-05-10T09:00"), status, 20, "（2026）黑01民初1号", China("2026-05-11T09:00"))
            .WithJudgment(judgment);
    }

    public static CaseNumber Number { get; } = new(2026, "黑01", CaseTypeCode.Enforcement, 7);

    public static string Account { get; } = VirtualAccountNumber.Issue(CourtDirectory.Harbin.SettlementAccountPrefix, 2026,
        VirtualAccountNumber.SeriesCode(CaseTypeCode.Enforcement), 7);

    /// <summary>The application and the enforcement case it opens at the same moment, with the fee of Measures art. 14.</summary>
    public static CourtCase Opened(string appliedAt = "2026-09-24T10:00", CourtCase? original = null, int creditor = 4) =>
        OpenedWithEvent(appliedAt, original, creditor).Case;

    public static (CourtCase Case, CaseEvent Event) OpenedWithEvent(string appliedAt = "2026-09-24T10:00", CourtCase? original = null,
        int creditor = 4)
    {
        original ??= Original();
        var at = China(appliedAt);
        var terms = EnforcementOpening.Check(original, creditor, at, Calc);
        var (applied, _) = EnforcementOpening.Apply(original, CreditorUser, terms, EnforcementCaseIds.For(original.CaseId, creditor), at);
        var application = applied.EnforcementApplications!.Items.Single(a => a.CreditorParty == creditor);
        var fee = Schedule.Quote(FeeCaseType.Enforcement, terms.Amount, Procedure.Ordinary);
        return EnforcementOpening.Open(applied, application, terms, Number, Account, fee, at, Calc, Policy.SupervisionWorkingDays);
    }

    /// <summary>An enforcement case of <paramref name="amount"/> owed by 王建国 (party 2) to 陈丽 (party 1), applied for then.</summary>
    public static CourtCase Enforcing(decimal amount = 100_000m, string appliedAt = "2026-09-24T10:00", string lastDay = "2026-08-20") =>
        Opened(appliedAt, Original(CaseStatus.Effective, new Ordered(2, 4, amount, lastDay)));

    public static CourtCase Change(this CourtCase c, Func<EnforcementSummary, EnforcementSummary> change) =>
        c.WithEnforcement(change(c.Enforcement!));

    /// <summary>Performance made directly to the creditor, as recorded on its confirmation.</summary>
    public static IReadOnlyList<DirectPayment> Directly(decimal amount) =>
        [new DirectPayment(amount, "doc-confirmation", "officer-li", DateTimeOffset.UnixEpoch)];

    /// <summary>A credit of the case's account booked by the court's bank (finance is told the day it is booked).</summary>
    public static CourtCase Credited(this CourtCase c, decimal amount, string bookedAt, string tx = "tx1", string bank = "ICBC") =>
        EnforcementFunds.Credit(c, new FeeCredit(bank, tx, amount, China(bookedAt)), China(bookedAt)).Case;

    public static CourtCase Frozen(this CourtCase c, decimal amount, string account = "6217990000000000001", string bank = "CCB",
        string at = "2026-09-29T10:00", decimal? frozen = null, BankOutcome outcome = BankOutcome.Frozen, DateOnly? until = null,
        string? renews = null)
    {
        var (requested, _, request) = Freezes.Request(c, Officer, bank, account, 2, amount, until, renews, China(at), Policy, Calc);
        return Answered(requested, request, BankReplyKind.FreezeResult, outcome, at, frozen ?? amount);
    }

    public static CourtCase Answered(CourtCase c, BankRequest request, BankReplyKind kind, BankOutcome outcome, string at, decimal? amount,
        string tx = "btx1")
    {
        var reply = new BankReply(kind, request.RequestId, request.BankCode, outcome, China(at))
        {
            Amount = amount,
            BankTransactionId = tx,
        };
        var applied = BankReplies.Apply(c, request, reply, China(at));
        Assert.Null(applied.SetAside);
        return applied.Change.Case;
    }

    public static string Rule(Action act) => Assert.ThrowsAny<DomainRuleException>(act).Rule;

    public static string Rule<T>(Func<T> act) => Assert.ThrowsAny<DomainRuleException>(() => act()).Rule;
}
