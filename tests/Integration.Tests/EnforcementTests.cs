using System.Text.RegularExpressions;
using ECourt.Application.Enforcement;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Payments;
using ECourt.Functions.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The enforcement stage through HTTP and the bank handlers against Azurite: a creditor's application opens an enforcement case of its
/// own (number, account, fee, officer, notice served); an asset inquiry fans out to every configured bank and closes with the silent
/// ones named; replies late, duplicate, for another request or larger than asked are set aside; a freeze within what is owed, a
/// deduction whose money arrives as a bank credit, a payout approved by amount, paid once however often the instruction is sent, and
/// the case closes.
/// </summary>
public class EnforcementTests
{
    private static readonly string Creditor = EnforcementSteps.Creditor;
    private static readonly string Officer = EnforcementSteps.Officer;
    private static readonly string Head = EnforcementSteps.Head;
    private static readonly string President = EnforcementSteps.President;

    /// <summary>Thu 2098-11-27 10:00 (no arrangement for 2098 is loaded: weekends alone, provisional).</summary>
    private static readonly DateTimeOffset Now = CourtTestHost.Future;

    private static async Task<(CourtTestHost Host, TestBank Bank)> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var bank = new TestBank();
        var host = await CourtTestHost.StartAsync(Now, s => s.AddSingleton<IBankRequestSender>(bank), settings);
        await host.RegisterEnforcementStaffAsync();
        return (host, bank);
    }

    private static string? ProblemType(TestResponse r) => r.Json.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static void Refused(TestResponse r, int status, string type)
    {
        Assert.True(r.Status == status, r.ToString());
        Assert.Equal("urn:ecourt:problem:" + type, ProblemType(r));
    }

    private static async Task<EnforcementSummary> EnforcementOf(CourtTestHost host, string caseId) =>
        (await host.Store.GetAsync(caseId))!.Case.Enforcement!;

    [Fact]
    public async Task Apply_OpensACaseOfItsOwn_WithNumberAccountFeeAndOfficer_LinkedBothWays_AndServesTheNotice()
    {
        var (host, _) = await StartAsync();
        await using var running = host;
        var original = await host.EffectiveAsync();

        // The debtor does not apply for the creditor; nobody applies before the last day of performance has passed.
        var byDebtor = await host.PostJsonAsync($"/api/cases/{original}/enforcement", EnforcementSteps.Debtor, new { partyNumber = 1 });
        Assert.True(byDebtor.Status == 403, byDebtor.ToString());
        var early = await host.EffectiveAsync(performedDaysAgo: 0);
        Refused(await host.PostJsonAsync($"/api/cases/{early}/enforcement", Creditor, new { partyNumber = 1 }), 422,
            "performance-period-running");

        var r = await host.PostJsonAsync($"/api/cases/{original}/enforcement", Creditor, new { partyNumber = 1 });
        Assert.True(r.Status == 201, r.ToString());
        var id = r.Json.GetProperty("caseId").GetString()!;
        Assert.Matches(new Regex("^（2098）黑01执[1-9][0-9]*号$"), r.Json.GetProperty("caseNumber").GetString()!);
        var view = r.Json.GetProperty("enforcement");
        Assert.Equal(100_000m, view.GetProperty("amountToRecover").GetDecimal());
        // Measures art. 14(1): 50 for the first 10,000, 1.5% of the 90,000 above: 50 + 1,350.
        Assert.Equal(1_400m, view.GetProperty("fee").GetDecimal());
        Assert.Equal(101_400m, view.GetProperty("owed").GetDecimal());
        Assert.True(VirtualAccountNumber.IsValid(view.GetProperty("accountNumber").GetString()));
        Assert.Equal(original, view.GetProperty("originalCaseId").GetString());

        await host.WaitForCaseAsync(id, f => f.Case.Assignment is { IsAssigned: true } && f.Case.Enforcement is { NoticeSentAt: not null },
            "the officer assigned and the notice sent");
        var opened = (await host.Store.GetFileAsync(id))!;
        Assert.Equal(CaseStatus.Enforcing, opened.Case.Status);
        Assert.Equal(FeeCaseType.Enforcement, opened.Case.CaseType);
        Assert.Equal("officer-li", opened.Case.Assignment!.Officer);
        Assert.Equal(["刘志强", "示例科技有限公司"], opened.Case.Parties.Select(p => p.Name));
        // The notice of enforcement and the order to report assets go to the debtor alone.
        var services = opened.Rows(ServiceRows.Services);
        Assert.Equal([2], services.Select(s => s.PartyNumber));
        // Linked both ways: the original case names the enforcement case its application opened.
        var linked = await host.WaitForCaseAsync(original, f =>
            f.Case.EnforcementApplications?.Items.SingleOrDefault()?.OpenedAt is not null,
            "the application opened");
        Assert.Equal(opened.Case.CaseNumber, linked.Case.EnforcementApplications!.Items[0].CaseNumber);
        Assert.Equal(CaseStatus.Effective, linked.Case.Status);

        // A second application of the same creditor is refused; the case's staff and parties read it, the officer's view included.
        Refused(await host.PostJsonAsync($"/api/cases/{original}/enforcement", Creditor, new { partyNumber = 1 }), 422,
            "enforcement-already-applied");
        var asOfficer = await host.GetAsync($"/api/cases/{id}", Officer);
        Assert.True(asOfficer.Status == 200, asOfficer.ToString());
        Assert.Equal("Enforcing", asOfficer.Json.GetProperty("status").GetString());
        Assert.Contains(asOfficer.Json.GetProperty("deadlines").EnumerateArray(), d =>
            d.GetProperty("kind").GetString() == "enforcement-limit");
    }

    [Fact]
    public async Task Inquiry_Freeze_Deduction_Payout_ToClosed_WithEveryOddReplySetAside()
    {
        var (host, bank) = await StartAsync();
        await using var running = host;
        var id = await host.EnforcingAsync(await host.EffectiveAsync());

        // Inquiry: one request per configured bank, about the debtor.
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/inquiries", Officer, new { })).Status == 201);
        var asked = await bank.WaitForAsync(r => r.Kind == BankRequestKind.AssetInquiry, 4, "inquiries");
        Assert.Equal(["ABC", "BOC", "CCB", "ICBC"], asked.Select(r => r.BankCode).Order());
        Assert.All(asked, r => Assert.Equal("91230102MA1C8K7PX8", Assert.Single(r.Subjects).IdNumber));
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/inquiries", Officer, new { }), 422, "inquiry-open");
        string Of(string bankCode) => asked.Single(r => r.BankCode == bankCode).RequestId;

        var icbc = new
        {
            messageType = "asset-inquiry-result",
            requestId = Of("ICBC"),
            bankCode = "ICBC",
            outcome = "answered",
            answeredAt = host.AnsweredAt(),
            accounts = new[] { new { partyNumber = 2, accountNumber = "6222020200112233445", accountKind = "deposit",
                balance = "150000.00" } },
        };
        Assert.Equal(new BankMessageOutcome(BankSettlement.Completed, null), await host.BankReplyAsync(icbc));
        Assert.Equal(BankSettlement.Completed, (await host.BankReplyAsync(new
        {
            messageType = "asset-inquiry-result",
            requestId = Of("CCB"),
            bankCode = "CCB",
            outcome = "answered",
            answeredAt = host.AnsweredAt(),
            accounts = Array.Empty<object>(),
        })).Outcome);
        Assert.Equal(BankSettlement.Completed, (await host.BankReplyAsync(new
        {
            messageType = "asset-inquiry-result",
            requestId = Of("ABC"),
            bankCode = "ABC",
            outcome = "refused",
            answeredAt = host.AnsweredAt(),
            reason = "系统维护",
        })).Outcome);
        // The same reply again changes nothing; a reply for another kind of request, or for no case, is set aside or refused.
        var again = await host.BankReplyAsync(icbc);
        Assert.StartsWith("duplicate-reply", again.Reason);
        var mismatch = await host.BankReplyAsync(new
        {
            messageType = "freeze-result",
            requestId = Of("BOC"),
            bankCode = "BOC",
            outcome = "frozen",
            answeredAt = host.AnsweredAt(),
            amount = "1.00",
            frozenUntil = "2099-01-01",
        });
        Assert.Equal(BankSettlement.Completed, mismatch.Outcome);
        Assert.StartsWith("reply-kind-mismatch", mismatch.Reason);
        var unknown = await host.BankReplyAsync(new
        {
            messageType = "asset-inquiry-result",
            requestId = "rq" + new string('0', 24) + "-00001",
            bankCode = "ICBC",
            outcome = "answered",
            answeredAt = host.AnsweredAt(),
        });
        Assert.Equal(BankSettlement.DeadLettered, unknown.Outcome);
        Assert.Equal(1, (await EnforcementOf(host, id)).RepliesSetAside);

        // BOC never answers: the inquiry closes at the end of its answer period, naming it.
        await host.PassDeadlineAsync(id, EnforcementStage.InquiryAnswers);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Inquiries.Single().ClosedAt is not null, "the inquiry closed");
        var inquiries = await host.GetAsync($"/api/enforcement/{id}/inquiries", Officer);
        Assert.True(inquiries.Status == 200, inquiries.ToString());
        var inquiry = inquiries.Json.GetProperty("inquiries")[0];
        Assert.Equal(["BOC"], inquiry.GetProperty("inquiry").GetProperty("silent").EnumerateArray().Select(b => b.GetString()));
        var found = inquiry.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("bankCode").GetString() == "ICBC");
        Assert.Equal("6222020200112233445", found.GetProperty("accounts")[0].GetProperty("accountNumber").GetString());
        // A reply after the inquiry closed is late: set aside.
        var late = await host.BankReplyAsync(new
        {
            messageType = "asset-inquiry-result",
            requestId = Of("BOC"),
            bankCode = "BOC",
            outcome = "answered",
            answeredAt = host.AnsweredAt(),
            accounts = Array.Empty<object>(),
        });
        Assert.StartsWith("late-reply", late.Reason);

        // Freeze: never more than is owed (100,000 and the fee of 1,400), for at most a year.
        object Freeze(string amount, string? until = null)
        {
            var body = new Dictionary<string, object>
            {
                ["bankCode"] = "ICBC",
                ["accountNumber"] = "6222020200112233445",
                ["debtor"] = 2,
                ["amount"] = amount
            };
            if (until is not null) body["until"] = until;
            return body;
        }
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/freezes", Officer, Freeze("101400.01")), 422, "freeze-exceeds-debt");
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/freezes", Officer, Freeze("100.00", "2100-01-01")), 422,
            "freeze-term-too-long");
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/freezes", Officer, Freeze("101400.00"))).Status == 201);
        var freeze = (await bank.WaitForAsync(r => r.Kind == BankRequestKind.Freeze)).Single();
        Assert.Equal(101_400m, freeze.Amount);
        var larger = await host.BankReplyAsync(new
        {
            messageType = "freeze-result",
            requestId = freeze.RequestId,
            bankCode = "ICBC",
            outcome = "frozen",
            answeredAt = host.AnsweredAt(),
            amount = "150000.00",
            frozenUntil = freeze.FrozenUntil!.Value.ToString("yyyy-MM-dd"),
        });
        Assert.StartsWith("freeze-result-exceeds-request", larger.Reason);
        Assert.Null((await host.BankReplyAsync(new
        {
            messageType = "freeze-result",
            requestId = freeze.RequestId,
            bankCode = "ICBC",
            outcome = "frozen",
            answeredAt = host.AnsweredAt(),
            amount = "101400.00",
            frozenUntil = freeze.FrozenUntil!.Value.ToString("yyyy-MM-dd"),
        })).Reason);
        Assert.Equal(FreezeStatus.Frozen, (await EnforcementOf(host, id)).Freezes.Single().Status);

        // Deduction into the case's account; the money arrives as the bank's credit.
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/deductions", Officer,
            new { freezeRequestId = freeze.RequestId, amount = "101400.00" })).Status == 201);
        var deduct = (await bank.WaitForAsync(r => r.Kind == BankRequestKind.Deduct)).Single();
        Assert.Equal(BankSettlement.Completed, (await host.BankReplyAsync(new
        {
            messageType = "deduct-result",
            requestId = deduct.RequestId,
            bankCode = "ICBC",
            outcome = "deducted",
            answeredAt = host.AnsweredAt(),
            amount = "101400.00",
            bankTransactionId = "D-1",
        })).Outcome);
        var account = (await EnforcementOf(host, id)).AccountNumber;
        Assert.Equal(BankSettlement.Completed, (await host.BankCreditAsync("ICBC", "D-1", account, 101_400m)).Outcome);
        var funded = await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Received == 101_400m, "the deduction received");
        Assert.NotNull(funded.Case.Enforcement!.FullyPerformedAt);

        // Payout: at most what is held for the creditor (the fee is the court's); the division head approves; the wrong role is refused.
        object Payout(string amount) => new
        {
            amount,
            payee = new
            {
                name = "刘志强",
                accountNumber = "6217000011112222333",
                bankName = "中国建设银行"
            }
        };
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/payouts", Officer, Payout("100000.01")), 422, "payout-exceeds-held");
        var proposed = await host.PostJsonAsync($"/api/enforcement/{id}/payouts", Officer, Payout("100000.00"));
        Assert.True(proposed.Status == 201, proposed.ToString());
        var payoutId = proposed.Json.GetProperty("payouts")[0].GetProperty("payoutId").GetString()!;
        Assert.Equal("awaiting-division-head", proposed.Json.GetProperty("payouts")[0].GetProperty("status").GetString());
        var decision = $"/api/enforcement/{id}/payouts/{payoutId}/decision";
        Assert.Equal(403, (await host.PostJsonAsync(decision, Officer, new { approve = true })).Status);
        Refused(await host.PostJsonAsync(decision, President, new { approve = true }), 422, "wrong-approver");
        var approved = await host.PostJsonAsync(decision, Head, new { approve = true });
        Assert.True(approved.Status == 200, approved.ToString());
        var instruction = (await bank.WaitForAsync(r => r.Kind == BankRequestKind.Payout)).Single();
        Assert.Equal(("ICBC", 100_000m, "6217000011112222333"), (instruction.BankCode, instruction.Amount!.Value,
            instruction.Payee!.AccountNumber));

        // Paid: the ledger shows it, and the case, performed in full and paid out, closes.
        Assert.Null((await host.BankReplyAsync(new
        {
            messageType = "payout-result",
            requestId = instruction.RequestId,
            bankCode = "ICBC",
            outcome = "paid",
            answeredAt = host.AnsweredAt(),
            amount = "100000.00",
            bankTransactionId = "P-1",
        })).Reason);
        await host.WaitForStatusAsync(id, CaseStatus.Enforced);
        var ledger = await host.GetAsync($"/api/cases/{id}/ledger", Officer);
        Assert.True(ledger.Status == 200, ledger.ToString());
        Assert.Equal("1400.00", ledger.Json.GetProperty("balance").GetString());
        Assert.Equal(["credit", "payout"], ledger.Json.GetProperty("entries").EnumerateArray().Select(e =>
            e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Payout_AboveTheThreshold_NeedsThePresident_RefusalReturnsIt_ALateStepIsEscalated()
    {
        var (host, bank) = await StartAsync(new Dictionary<string, string?> { ["ECourt:Enforcement:PresidentApprovalAbove"] = "50000" });
        await using var running = host;
        var id = await host.EnforcingAsync(await host.EffectiveAsync());
        // The debtor pays into the case's account itself.
        Assert.Equal(BankSettlement.Completed,
            (await host.BankCreditAsync("CCB", "T-9", (await EnforcementOf(host, id)).AccountNumber, 101_400m)).Outcome);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Received == 101_400m, "the payment received");
        var payout = new { amount = "100000.00", payee = new { name = "刘志强", accountNumber = "6217000011112222333", bankName = "中国建设银行" } };
        var first = await host.PostJsonAsync($"/api/enforcement/{id}/payouts", Officer, payout);
        var decision = $"/api/enforcement/{id}/payouts/{first.Json.GetProperty("payouts")[0].GetProperty("payoutId").GetString()}/decision";
        var byHead = await host.PostJsonAsync(decision, Head, new { approve = true });
        Assert.Equal("awaiting-president", byHead.Json.GetProperty("payouts")[0].GetProperty("status").GetString());
        Refused(await host.PostJsonAsync(decision, Head, new { approve = true }), 422, "wrong-approver");
        Refused(await host.PostJsonAsync(decision, President, new { approve = false }), 422, "refusal-needs-reasons");
        var refused = await host.PostJsonAsync(decision, President, new { approve = false, reasons = "收款账户户名与申请执行人不符" });
        Assert.Equal("refused", refused.Json.GetProperty("payouts")[0].GetProperty("status").GetString());
        Assert.DoesNotContain(bank.Sent, r => r.Kind == BankRequestKind.Payout);

        // Proposed again, nobody decides in time: the step is escalated.
        var second = await host.PostJsonAsync($"/api/enforcement/{id}/payouts", Officer, payout);
        Assert.True(second.Status == 201, second.ToString());
        await host.PassDeadlineAsync(id, EnforcementStage.PayoutApprovalStep);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Payouts[1].EscalatedAt is not null, "the late step escalated");
    }

    [Fact]
    public async Task PayoutInstruction_LostAfterTheBankTookIt_IsSentAgainUnderItsKey_AndPaidOnce()
    {
        var (host, bank) = await StartAsync();
        await using var running = host;
        var id = await host.EnforcingAsync(await host.EffectiveAsync());
        await host.BankCreditAsync("CCB", "T-1", (await EnforcementOf(host, id)).AccountNumber, 101_400m);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Received == 101_400m, "the payment received");
        var proposed = await host.PostJsonAsync($"/api/enforcement/{id}/payouts", Officer,
            new { amount = "100000.00", payee = new { name = "刘志强", accountNumber = "6217000011112222333", bankName = "中国建设银行" } });
        var payoutId = proposed.Json.GetProperty("payouts")[0].GetProperty("payoutId").GetString()!;

        // The connection is lost after the bank took the instruction: the decision stands, the instruction stays in the outbox.
        bank.FailAfterTaking(1);
        var approved = await host.PostJsonAsync($"/api/enforcement/{id}/payouts/{payoutId}/decision", Head, new { approve = true });
        Assert.True(approved.Status == 200, approved.ToString());
        // The lifecycle sends it again, under the same request id: the bank's idempotency key.
        var sent = await CourtSteps.WaitUntilAsync(() => Task.FromResult(bank.Sent.Where(r => r.Kind == BankRequestKind.Payout).ToList()),
            s => s.Count >= 2, "the instruction sent again");
        Assert.Single(sent.Select(r => r.RequestId).Distinct());
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Unsent.Count == 0, "the outbox empty");

        // The bank pays once; its result delivered twice is applied once.
        var paid = new
        {
            messageType = "payout-result",
            requestId = sent[0].RequestId,
            bankCode = "ICBC",
            outcome = "paid",
            answeredAt = host.AnsweredAt(),
            amount = "100000.00",
            bankTransactionId = "P-7",
        };
        Assert.Null((await host.BankReplyAsync(paid)).Reason);
        Assert.StartsWith("duplicate-reply", (await host.BankReplyAsync(paid)).Reason);
        var file = await host.WaitForCaseAsync(id, f => f.Case.Status == CaseStatus.Enforced, "closed");
        Assert.Equal(100_000m, file.Case.Enforcement!.PaidOut);
        Assert.Single(file.Rows(LedgerRows.Ledger), e => e.Kind == LedgerEntry.Payout);
    }

    [Fact]
    public async Task Freeze_RemindedBeforeItsEnd_RenewedContinues_NotRenewedLapses()
    {
        var (host, bank) = await StartAsync();
        await using var running = host;
        var id = await host.EnforcingAsync(await host.EffectiveAsync());
        async Task<BankRequest> FrozenAsync(string bankCode, string account, string amount, DateOnly until, string? renews = null)
        {
            var body = new Dictionary<string, object>
            {
                ["bankCode"] = bankCode,
                ["accountNumber"] = account,
                ["debtor"] = 2,
                ["amount"] = amount,
                ["until"] = until.ToString("yyyy-MM-dd")
            };
            if (renews is not null) body["renews"] = renews;
            var r = await host.PostJsonAsync($"/api/enforcement/{id}/freezes", Officer, body);
            Assert.True(r.Status == 201, r.ToString());
            var request = (await bank.WaitForAsync(x => x.Kind == BankRequestKind.Freeze && x.AccountNumber == account
                && x.RenewsRequestId == renews)).Single();
            Assert.Null((await host.BankReplyAsync(new
            {
                messageType = "freeze-result",
                requestId = request.RequestId,
                bankCode,
                outcome = "frozen",
                answeredAt = host.AnsweredAt(),
                amount,
                frozenUntil = until.ToString("yyyy-MM-dd"),
            })).Reason);
            return request;
        }
        var today = Domain.Calendar.ChinaTime.DateOf(host.Clock.GetUtcNow());
        var kept = await FrozenAsync("ICBC", "6222020200112233445", "50000.00", today.AddDays(40));
        var left = await FrozenAsync("CCB", "6217000099998888777", "20000.00", today.AddDays(60));

        // 15 days before the first one's last day the officer is reminded; the renewal continues it.
        // Both freezes have a reminder pending: court time moves to the first one's (its last day less 15 days).
        await host.MoveClockAsync(Domain.Calendar.ChinaTime.EndOfDay(today.AddDays(40 - Freezes.ReminderDays - 1)).AddMinutes(1));
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Freezes.Single(x => x.RequestId == kept.RequestId).ReminderAt is not null,
            "the renewal reminder");
        var renewal = await FrozenAsync("ICBC", "6222020200112233445", "50000.00", today.AddDays(300), kept.RequestId);
        var e = await EnforcementOf(host, id);
        Assert.Equal(FreezeStatus.Renewed, e.Freezes.Single(x => x.RequestId == kept.RequestId).Status);
        Assert.Equal(FreezeStatus.Frozen, e.Freezes.Single(x => x.RequestId == renewal.RequestId).Status);

        // The other, not renewed, lapses the day after its last day.
        await host.MoveClockAsync(Domain.Calendar.ChinaTime.EndOfDay(today.AddDays(60)).AddMinutes(1));
        var lapsed = await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Freezes.Single(x => x.RequestId == left.RequestId).Status
            == FreezeStatus.Lapsed, "the freeze lapsed");
        Assert.Equal(FreezeStatus.Frozen, lapsed.Case.Enforcement!.Freezes.Single(x => x.RequestId == renewal.RequestId).Status);
    }

    [Fact]
    public async Task DishonestList_NeverAMinor_NotWhenFrozenAssetsCover_PublicWithTheIdMasked_RemovedOnFullPerformance()
    {
        var (host, bank) = await StartAsync();
        await using var running = host;
        var minorCase = await host.EnforcingAsync(await host.EffectiveAsync(minor: true));
        Refused(await host.PostJsonAsync($"/api/enforcement/{minorCase}/dishonest-listing", Officer,
            new { debtor = 2, ground = "able-but-refusing", facts = "有履行能力而拒不履行" }), 422, "dishonest-minor");

        var id = await host.EnforcingAsync(await host.EffectiveAsync());
        var listing = new { debtor = 2, ground = "able-but-refusing", facts = "名下账户有存款而拒不履行" };
        // Frozen assets covering what is owed: not listed.
        var frozen = await host.PostJsonAsync($"/api/enforcement/{id}/freezes", Officer,
            new { bankCode = "ICBC", accountNumber = "6222020200112233445", debtor = 2, amount = "101400.00" });
        Assert.True(frozen.Status == 201, frozen.ToString());
        var freeze = (await bank.WaitForAsync(r => r.Kind == BankRequestKind.Freeze && r.CaseId == id)).Single();
        await host.BankReplyAsync(new
        {
            messageType = "freeze-result",
            requestId = freeze.RequestId,
            bankCode = "ICBC",
            outcome = "frozen",
            answeredAt = host.AnsweredAt(),
            amount = "101400.00",
            frozenUntil = freeze.FrozenUntil!.Value.ToString("yyyy-MM-dd"),
        });
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing", Officer, listing), 422, "dishonest-debt-secured");
        await host.MoveClockAsync(Domain.Calendar.ChinaTime.EndOfDay(
            (await EnforcementOf(host, id)).Freezes.Single().Until).AddMinutes(1));
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Freezes.Single().Status == FreezeStatus.Lapsed, "the freeze lapsed");

        var listed = await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing", Officer, listing);
        Assert.True(listed.Status == 201, listed.ToString());
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Listings.Single() is { SentAt: not null, PublicListCurrent: true },
            "the decision served and the public list written");
        var search = await host.GetAsync("/api/dishonest-debtors?name=示例科技有限公司", null);
        Assert.True(search.Status == 200, search.ToString());
        var caseNumber = (await host.Store.GetAsync(id))!.Case.CaseNumber;
        var hit = search.Json.GetProperty("debtors").EnumerateArray().Single(d => d.GetProperty("caseNumber").GetString() == caseNumber);
        Assert.Equal("91230102MA1C8K7PX8", hit.GetProperty("idNumber").GetString());   // an organisation's credit code is public
        Assert.Equal("able-but-refusing", hit.GetProperty("ground").GetString());
        Assert.Empty((await host.GetAsync("/api/dishonest-debtors?name=示例科技有限公司&idSuffix=0000", null)).Json.GetProperty("debtors")
            .EnumerateArray());
        // The president signs the consumption restriction; nobody else does.
        Assert.Equal(403, (await host.PostJsonAsync($"/api/enforcement/{id}/consumption-restriction", Officer, new { debtor = 2 })).Status);
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/consumption-restriction", President,
            new { debtor = 2 })).Status == 200);

        // The officer takes the debtor off (the decision revoked), and lists it again on the same facts.
        var off = await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing/removal", Officer,
            new { debtor = 2, reason = "决定书送达地址有误，撤销后重新作出" });
        Assert.True(off.Status == 200, off.ToString());
        Assert.NotNull((await EnforcementOf(host, id)).Listings.Single().Restriction.LiftedAt);
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing/removal", Officer,
            new { debtor = 2, reason = "再次撤销" }), 422, "not-listed");
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing", Officer, listing)).Status == 201);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Listings.Count(l => l is { InForce: true, PublicListCurrent: true }) == 1,
            "listed again");

        // The debtor pays everything: taken off the list (and the restriction lifted) without anyone's act.
        await host.BankCreditAsync("CCB", "T-5", (await EnforcementOf(host, id)).AccountNumber, 101_400m);
        var removed = await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Listings[^1] is
        {
            RemovedAt: not null,
            PublicListCurrent: true
        },
            "taken off the list");
        Assert.Equal("the debt is performed in full", removed.Case.Enforcement!.Listings[^1].RemovalReason);
        Assert.DoesNotContain((await host.GetAsync("/api/dishonest-debtors?name=示例科技有限公司",
            null)).Json.GetProperty("debtors").EnumerateArray(),
            d => d.GetProperty("caseNumber").GetString() == removed.Case.CaseNumber);
    }

    [Fact]
    public async Task DirectPerformance_Deferral_Extension_ClosingForNow_AndReopening()
    {
        var (host, bank) = await StartAsync();
        await using var running = host;
        var id = await host.EnforcingAsync(await host.EffectiveAsync());
        string Uploaded(TestResponse r) => r.Status == 201
            ? r.Json.GetProperty("documentId").GetString()!
            : throw new Xunit.Sdk.XunitException(r.ToString());

        // Direct performance counts on the creditor's own confirmation, never the debtor's, and never more than the debt.
        var byCreditor = Uploaded(await host.UploadAsync(id, Creditor, Filings.Pdf, kind: "other", fileName: "收款确认书.pdf"));
        var byDebtor = Uploaded(await host.UploadAsync(id, EnforcementSteps.Debtor, Filings.Pdf, kind: "other", fileName: "付款凭证.pdf"));
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/direct-performance", Officer,
            new { amount = "20000.00", confirmationDocumentId = byDebtor }), 422, "confirmation-not-creditors");
        var direct = await host.PostJsonAsync($"/api/enforcement/{id}/direct-performance", Officer,
            new { amount = "20000.00", confirmationDocumentId = byCreditor });
        Assert.True(direct.Status == 201, direct.ToString());
        Assert.Equal(20_000m, direct.Json.GetProperty("performedDirectly").GetDecimal());
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/direct-performance", Officer,
            new { amount = "80000.01", confirmationDocumentId = byCreditor }), 422, "direct-performance-exceeds-debt");

        // Funds received: their 30 days run; an approved deferral shows with its reason.
        await host.BankCreditAsync("CCB", "T-3", (await EnforcementOf(host, id)).AccountNumber, 30_000m);
        await host.WaitForCaseAsync(id, f => f.Case.Enforcement!.Received == 30_000m, "the payment received");
        var until = Domain.Calendar.ChinaTime.DateOf(host.Clock.GetUtcNow()).AddDays(60).ToString("yyyy-MM-dd");
        Assert.Equal(403, (await host.PostJsonAsync($"/api/enforcement/{id}/payout-deferral", Officer,
            new { reason = "creditor-unreachable", note = "电话无法接通", until })).Status);
        var deferred = await host.PostJsonAsync($"/api/enforcement/{id}/payout-deferral", Head,
            new { reason = "creditor-unreachable", note = "电话无法接通", until });
        Assert.True(deferred.Status == 200, deferred.ToString());
        var view = await host.GetAsync($"/api/cases/{id}", Officer);
        Assert.Contains(view.Json.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "payout-due"
            && d.GetProperty("basis").GetString()!.Contains("deferred until " + until, StringComparison.Ordinal));

        // The president extends the time limit once: 9 months from filing.
        var extended = await host.PostJsonAsync($"/api/enforcement/{id}/extension", President, new { reason = "财产评估中" });
        Assert.True(extended.Status == 200, extended.ToString());
        Assert.Equal("2099-08-27", extended.Json.GetProperty("limitLastDay").GetString());
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/extension", President, new { reason = "再次" }), 422,
            "limit-already-extended");

        // Closing the present procedure: by the court's ruling, 3 months after filing, every inquiry done, the restriction in force.
        var ruling = Uploaded(await host.UploadAsync(id, Officer, Filings.Pdf, kind: "judgment", fileName: "终结本次执行裁定书.pdf"));
        var close = new { rulingDocumentId = ruling, creditorHeardOn = "2098-11-27", reason = "未发现可供执行的财产" };
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/closing-for-now", Officer, close), 422, "closing-too-early");
        await host.MoveClockAsync(CourtTestHost.China("2099-02-28T10:00"));
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/closing-for-now", Officer, close), 422, "inquiries-not-done");
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/inquiries", Officer, new { })).Status == 201);
        foreach (var request in await bank.WaitForAsync(r => r.Kind == BankRequestKind.AssetInquiry, 4, "inquiries"))
            await host.BankReplyAsync(new
            {
                messageType = "asset-inquiry-result",
                requestId = request.RequestId,
                bankCode = request.BankCode,
                outcome = "answered",
                answeredAt = host.AnsweredAt(),
                accounts = Array.Empty<object>(),
            });
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/closing-for-now", Officer, close), 422, "no-consumption-restriction");
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/dishonest-listing", Officer,
            new { debtor = 2, ground = "able-but-refusing", facts = "拒不履行" })).Status == 201);
        Assert.True((await host.PostJsonAsync($"/api/enforcement/{id}/consumption-restriction", President, new { debtor = 2 })).Status
            == 200);
        var closed = await host.PostJsonAsync($"/api/enforcement/{id}/closing-for-now", Officer, close);
        Assert.True(closed.Status == 200, closed.ToString());
        Assert.Equal(CaseStatus.EnforcementClosedForNow, (await host.Store.GetAsync(id))!.Case.Status);
        Refused(await host.PostJsonAsync($"/api/enforcement/{id}/inquiries", Officer, new { }), 409, "transition-not-allowed");

        // Property appears: the officer reopens it.
        var reopened = await host.PostJsonAsync($"/api/enforcement/{id}/reopening", Officer, new { reason = "发现被执行人新开立的账户" });
        Assert.True(reopened.Status == 200, reopened.ToString());
        Assert.Equal(CaseStatus.Enforcing, (await host.Store.GetAsync(id))!.Case.Status);
    }
}
