using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ECourt.Application.Assignment;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Judgments;
using ECourt.Domain.Parties;
using ECourt.Functions.Enforcement;
using ECourt.Functions.Payments;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ECourt.Testing;

/// <summary>What enforcement tests share: an effective case to enforce, the enforcement division's staff, and the banks' replies.</summary>
public static class EnforcementSteps
{
    public static readonly string Creditor = CourtTestHost.Principal("user-liu", Roles.Party);
    public static readonly string Debtor = CourtTestHost.Principal("user-shili", Roles.Party);
    public static readonly string Officer = CourtTestHost.Staff("officer-li", Roles.EnforcementOfficer);
    public static readonly string Head = CourtTestHost.Staff("head-zhang", Roles.DivisionHead);
    public static readonly string President = CourtTestHost.Staff("president-he", Roles.President);

    /// <summary>The enforcement division: one officer, its head; and the court's president.</summary>
    public static readonly StaffMember[] EnforcementDivision =
    [
        new("officer-li", "李执行员", "黑01", Division.Enforcement, new HashSet<string> { Roles.EnforcementOfficer }, true),
        new("head-zhang", "张庭长", "黑01", Division.Enforcement, new HashSet<string> { Roles.DivisionHead }, true),
        new("president-he", "何院长", "黑01", Division.Civil, new HashSet<string> { Roles.President }, true),
    ];

    public static async Task RegisterEnforcementStaffAsync(this CourtTestHost host)
    {
        var registry = host.Services.GetRequiredService<IStaffRegistry>();
        foreach (var member in EnforcementDivision) await registry.PutAsync(member);
    }

    /// <summary>
    /// A case whose judgment took effect 20 days ago, ordering the defendant (party 2, an organisation unless <paramref name="minor"/>:
    /// then
    /// a minor person) to pay the plaintiff (party 1) <paramref name="amount"/>, the last day of performance
    /// <paramref name="performedDaysAgo"/> days ago.
    /// </summary>
    public static async Task<string> EffectiveAsync(this CourtTestHost host, decimal amount = 100_000m, int performedDaysAgo = 10,
        bool minor = false)
    {
        var at = host.Clock.GetUtcNow();
        var today = ChinaTime.DateOf(at);
        Party[] parties =
        [
            new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强", IdentityDocumentType.ResidentId, Filings.PlaintiffId, null, "13800000000",
                null, "哈尔滨市道里区示例街2号", "user-liu", false, new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-60), "user-liu"),
                [], []),
            minor
                ? new(2, PartyRole.Defendant, PartyKind.Person, "王小明", IdentityDocumentType.ResidentId, "230102201001010018", null, null,
                    null,
                    "哈尔滨市南岗区示例路3号", "user-shili", true, new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-60), "user-shili"),
                    [], [])
                : new(2, PartyRole.Defendant, PartyKind.Organisation, "示例科技有限公司", null, null, Filings.DefendantCreditCode, null, null,
                    "哈尔滨市南岗区示例路1号", "user-shili", false,
                    new ElectronicServiceConsent(ConsentSource.Express, at.AddDays(-60), "user-shili"), [], []),
        ];
        var caseId = CaseId.FromRandom(RandomNumberGenerator.GetBytes(12));
        var judgment = new Judgment("jd" + caseId[2..], JudgmentKind.Judgment, null, "doc" + new string('1', 24), "judge-zhao",
            at.AddDays(-40), [new JudgmentOrder(2, 1, amount, 10, "被告偿还原告借款")], [new CostShare(2, 2_300m)], JudgmentTextSource.Unreadable,
            "no-text-layer", [1, 2], at.AddDays(-40),
            [new JudgmentServed(1, at.AddDays(-38), today.AddDays(-23), false), new JudgmentServed(2, at.AddDays(-38),
                today.AddDays(-23), false)],
            [], today.AddDays(-20), [new PerformanceDeadline(0, today.AddDays(-performedDaysAgo), false)], []);
        var c = new CourtCase(caseId, "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", amount, "判令被告偿还借款", "被告借款到期未还。",
            parties, "user-liu", "", at.AddDays(-60), CaseStatus.Effective, 1, "（2098）黑01民初7号", at.AddDays(-59))
            .With(new CaseAssignment("judge-zhao", "clerk-wang", Division.Civil, at.AddDays(-59), "system"))
            .WithJudgment(judgment);
        Assert.NotNull(await host.Services.GetRequiredService<CaseChanges>().CreateAsync(c,
            [new CaseEvent(1, "SeedEffective", "system", "system", at, null, CaseStatus.Effective, "Effective")]));
        return caseId;
    }

    /// <summary>The creditor applies; answers the enforcement case's id once its officer is assigned and its notice sent.</summary>
    public static async Task<string> EnforcingAsync(this CourtTestHost host, string originalCaseId)
    {
        var r = await host.PostJsonAsync($"/api/cases/{originalCaseId}/enforcement", Creditor, new { partyNumber = 1 });
        Assert.True(r.Status == 201, r.ToString());
        var id = r.Json.GetProperty("caseId").GetString()!;
        await host.WaitForCaseAsync(id, f => f.Case.Assignment is { IsAssigned: true } && f.Case.Enforcement is { NoticeSentAt: not null },
            "the officer assigned and the notice sent");
        return id;
    }

    /// <summary>A bank's reply, as JSON on queue bank-replies, through the court's own handler.</summary>
    public static Task<BankMessageOutcome> BankReplyAsync(this CourtTestHost host, object reply) =>
        host.BankMessageAsync(BankReplyHandler.QueueName, reply, null);

    /// <summary>A bank's credit to an account, as JSON on queue bank-credits (its message id {bankCode}:{bankTransactionId}).</summary>
    public static Task<BankMessageOutcome> BankCreditAsync(this CourtTestHost host, string bankCode, string transactionId, string account,
        decimal amount) =>
        host.BankMessageAsync(BankCreditHandler.QueueName, new
        {
            messageType = "credit",
            bankCode,
            bankTransactionId = transactionId,
            accountNumber = account,
            amount = amount.ToString("0.00", CultureInfo.InvariantCulture),
            currency = "CNY",
            payerName = "示例科技有限公司",
            channel = "online",
            valueDate = ChinaTime.DateOf(host.Clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            bookedAt = ChinaTime.ToChinaTime(host.Clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        }, $"{bankCode}:{transactionId}");

    private static async Task<BankMessageOutcome> BankMessageAsync(this CourtTestHost host, string queue, object body, string? messageId)
    {
        var delivery = host.Services.GetRequiredService<BankMessageDelivery>();
        return await delivery.DeliverAsync(delivery.HandlerOf(queue)!, JsonSerializer.SerializeToUtf8Bytes(body), messageId, default);
    }

    /// <summary>Now in China time, as banks write their instants.</summary>
    public static string AnsweredAt(this CourtTestHost host) =>
        ChinaTime.ToChinaTime(host.Clock.GetUtcNow()).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
