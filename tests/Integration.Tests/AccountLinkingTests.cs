using System.Text.RegularExpressions;
using ECourt.Adapters.Communication;
using ECourt.Adapters.Identity;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// A party's platform account is linked by its holder (SPC Online Litigation Rules arts. 7, 10): never by an account id the
/// filer types for another party; with the party's link code, which the complaint copy's notice carries, and a verified
/// identity that is the party's; a representative once a clerk accepts its power of attorney. A consent to electronic
/// service by a prior contract, on the filer's word, confirms nothing until a clerk checks the clause.
/// </summary>
public partial class AccountLinkingTests
{
    private const string Liu = "user-liu";
    private static readonly string LiuParty = CourtTestHost.Principal(Liu, "party");
    private static readonly string Clerk = CourtSteps.Clerk;

    [GeneratedRegex("关联码([2-9A-HJ-NP-Z]{10})")]
    private static partial Regex LinkCode();

    /// <summary>The defendant, a person whose phone the plaintiff gave with a prior contract's consent (found, not confirmed).</summary>
    private static Dictionary<string, object?> WithPersonDefendant()
    {
        var body = Filings.Property(Liu);
        ((object[])body["parties"]!)[1] = new Dictionary<string, object?>
        {
            ["role"] = "defendant",
            ["kind"] = "person",
            ["name"] = DefendantName,
            ["idType"] = "resident-id",
            ["idNumber"] = DefendantId,
            ["address"] = "哈尔滨市南岗区红军街1号",
            ["electronicServiceConsent"] = true,
            ["consentSource"] = "prior-contract",
            ["serviceAddresses"] = new object[] { new Dictionary<string, object?> { ["channel"] = "sms", ["address"] = "13900000000" } },
        };
        return body;
    }

    /// <summary>A resident id with a right check character (GB 11643-1999), not the plaintiff's.</summary>
    private const string DefendantId = "110105197001010011";

    private const string DefendantName = "王建国";

    private static string Holder(string userId, string? verifiedId = null, string role = "party", string? verifiedName = null) =>
        ClientPrincipal.Encode(userId, [role], null, null, verifiedId, verifiedName: verifiedName);

    private static Task<TestResponse> LinkAsync(CourtTestHost host, string caseId, string principal, int partyNumber, string code,
        object? representative = null) =>
        host.PostJsonAsync($"/api/cases/{caseId}/party-link", principal,
            representative is null ? new { partyNumber, code } : new { partyNumber, code, @as = "representative", representative });

    private static async Task<string> CodeFromTheComplaintCopyAsync(CourtTestHost host)
    {
        var outbox = (LocalSmsOutbox)host.Services.GetRequiredService<ISmsGateway>();
        var sms = await CourtSteps.WaitUntilAsync(async () => (await outbox.ListAsync(100, default))
            .FirstOrDefault(m => m.To == "13900000000" && m.Text.Contains("起诉状副本")), m => m is not null, "the complaint copy's SMS");
        return LinkCode().Match(sms!.Text).Groups[1].Value;
    }

    [Fact]
    public async Task Filer_GivesAnotherPartysAccount_Refused_NothingFiled()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = WithPersonDefendant();
        ((Dictionary<string, object?>)((object[])body["parties"]!)[1])["userId"] = "liu-second-account";
        var r = await host.PostJsonAsync("/api/cases", LiuParty, body);
        Assert.Equal(400, r.Status);
        Assert.True(r.Json.GetProperty("errors").TryGetProperty("parties[1].userId", out _), r.ToString());
        Assert.Empty((await host.GetAsync("/api/cases", LiuParty)).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Filer_NamesItsOwnAccountOnAThirdParty_OrActsForOne_Refused_NothingFiled()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Dictionary<string, object?> ThirdParty(Dictionary<string, object?> extra) => new(extra)
        {
            ["role"] = "third-party",
            ["kind"] = "person",
            ["name"] = "赵敏",
            ["phone"] = "13700000000",
            ["electronicServiceConsent"] = true,
        };
        var asItself = WithPersonDefendant();
        asItself["parties"] = ((object[])asItself["parties"]!).Append(ThirdParty(new() { ["userId"] = Liu })).ToArray();
        var r = await host.PostJsonAsync("/api/cases", LiuParty, asItself);
        Assert.Equal(400, r.Status);
        Assert.True(r.Json.GetProperty("errors").TryGetProperty("parties[2].userId", out _), r.ToString());

        var asItsLawyer = WithPersonDefendant();
        var lawyer = new Dictionary<string, object?>
        {
            ["kind"] = "lawyer",
            ["name"] = "刘志强",
            ["userId"] = Liu,
            ["licenceNumber"] = "12301201910123456",
            ["firm"] = "某律师事务所",
        };
        asItsLawyer["parties"] = ((object[])asItsLawyer["parties"]!)
            .Append(ThirdParty(new() { ["representatives"] = new object[] { lawyer } })).ToArray();
        r = await host.PostJsonAsync("/api/cases", LiuParty, asItsLawyer);
        Assert.Equal(400, r.Status);
        Assert.True(r.Json.GetProperty("errors").TryGetProperty("parties[2].representatives[0].userId", out _), r.ToString());
        Assert.Empty((await host.GetAsync("/api/cases", LiuParty)).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Defendant_LinksWithTheCodeItsComplaintCopyCarries_AndItsVerifiedIdentity_ThenSeesTheCaseAndItsInbox()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);
        Assert.Equal(10, code.Length);
        var wang = Holder("user-wang", DefendantId, verifiedName: DefendantName);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}", wang)).Status);

        var linked = await LinkAsync(host, caseId, wang, 2, code);
        Assert.Equal(200, linked.Status);
        Assert.Equal("linked", linked.Json.GetProperty("status").GetString());
        var view = (await host.GetAsync($"/api/cases/{caseId}", wang)).Json;
        Assert.Equal("user-wang", view.GetProperty("parties")[1].GetProperty("userId").GetString());
        Assert.Contains((await host.GetAsync("/api/cases", wang)).Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("caseId").GetString() == caseId);
        // The complaint copy was already on its way: it is in the account's inbox, where opening it is the party's act.
        var item = await CourtSteps.WaitUntilAsync(async () => (await host.GetAsync("/api/inbox", wang)).Json.GetProperty("items"),
            items => items.GetArrayLength() == 1, "the complaint copy in the linked account's inbox");
        Assert.Equal("complaint-copy", item[0].GetProperty("kind").GetString());
        // Single use: the same code links nothing more.
        Assert.Equal("urn:ecourt:problem:link-code-invalid",
            (await LinkAsync(host, caseId, Holder("user-zhao", DefendantId), 2, code)).Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task LinkCode_AloneNeverLinks_ItIsLimitedInTries_AndAWrongCaseOrPartyIsAnsweredAlike()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);

        // Someone else's verified identity, or none: the code does not link, and is not used up.
        var notTheParty = await LinkAsync(host, caseId, Holder("user-zhang", Filings.PlaintiffId), 2, code);
        Assert.Equal(422, notTheParty.Status);
        Assert.Equal("urn:ecourt:problem:identity-not-verified", notTheParty.Json.GetProperty("type").GetString());
        Assert.Equal(422, (await LinkAsync(host, caseId, Holder("user-wang"), 2, code)).Status);

        // A clerk's recorded check is the other way to verify: then the code links.
        var check = await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/identity-checks", Clerk,
            new { userId = "user-wang", method = "in person, with the identity card", passed = true });
        Assert.Equal(200, check.Status);
        // Wrong codes, an unknown case, another party: answered alike; five wrong codes lock the party's code.
        var wang = Holder("user-wang");
        var wrong = code[..9] + (code[9] == '2' ? '3' : '2');
        for (var i = 0; i < 5; i++) Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, caseId, wang, 2,
            wrong)).Json.GetProperty("type").GetString());
        Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, "cs" + new string('0', 24), wang, 2,
            code)).Json.GetProperty("type").GetString());
        Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, caseId, wang, 7,
            code)).Json.GetProperty("type").GetString());
        Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, caseId, wang, 2,
            code)).Json.GetProperty("type").GetString());
        Assert.Null((await host.Store.GetAsync(caseId))!.Case.Parties[1].UserId);

        // The clerk issues the next code (given to the party by post or in person): it links.
        var issued = await host.SendAsync("POST", $"/api/cases/{caseId}/parties/2/link-code", Clerk);
        Assert.Equal(200, issued.Status);
        Assert.Equal(200, (await LinkAsync(host, caseId, wang, 2, issued.Json.GetProperty("code").GetString()!)).Status);
        Assert.Equal("user-wang", (await host.Store.GetAsync(caseId))!.Case.Parties[1].UserId);
    }

    [Fact]
    public async Task TheOtherSide_CannotLinkOrActForAParty_NorLockOutItsCode()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);

        // The plaintiff holds the defendant's code (it gave the address the copy went to): as the party or as one who acts for it,
        // it is answered as a wrong code is, and the code stays the defendant's.
        Assert.Equal("urn:ecourt:problem:link-code-invalid",
            (await LinkAsync(host, caseId, Holder(Liu, DefendantId), 2, code)).Json.GetProperty("type").GetString());
        Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, caseId, Holder(Liu), 2, code,
            new { kind = "agent", name = "刘志强" })).Json.GetProperty("type").GetString());
        // Its wrong tries lock the code for itself only.
        var wrong = code[..9] + (code[9] == '2' ? '3' : '2');
        for (var i = 0; i < 6; i++) Assert.Equal("urn:ecourt:problem:link-code-invalid", (await LinkAsync(host, caseId, LiuParty, 2,
            wrong)).Json.GetProperty("type").GetString());
        var c = (await host.Store.GetAsync(caseId))!.Case;
        Assert.Null(c.Parties[1].UserId);
        Assert.Empty(c.Parties[1].Representatives);

        Assert.Equal(200, (await LinkAsync(host, caseId, Holder("user-wang", DefendantId, verifiedName: DefendantName), 2, code)).Status);
        Assert.Equal("user-wang", (await host.Store.GetAsync(caseId))!.Case.Parties[1].UserId);
    }

    [Fact]
    public async Task VerifiedIdNumber_TheFilerTyped_DoesNotLink_WithoutThePartysVerifiedName()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);
        // The plaintiff typed an accomplice's id number for 王建国: the accomplice's verification names 张三.
        var accomplice = await LinkAsync(host, caseId, Holder("user-accomplice", DefendantId, verifiedName: "张三"), 2, code);
        Assert.Equal("urn:ecourt:problem:identity-not-verified", accomplice.Json.GetProperty("type").GetString());
        // A provider that verifies no name proves nothing either: the clerk's check is then the way.
        Assert.Equal("urn:ecourt:problem:identity-not-verified",
            (await LinkAsync(host, caseId, Holder("user-number-only", DefendantId), 2, code)).Json.GetProperty("type").GetString());
        Assert.Null((await host.Store.GetAsync(caseId))!.Case.Parties[1].UserId);
        Assert.Equal(200, (await LinkAsync(host, caseId, Holder("user-wang", DefendantId, verifiedName: DefendantName), 2, code)).Status);
    }

    [Fact]
    public async Task TriesAtOnce_AreEachCounted_AndLockOnlyTheirAccount()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);
        var wrong = code[..9] + (code[9] == '2' ? '3' : '2');
        var guesser = Holder("user-guesser");
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LinkAsync(host, caseId, guesser, 2, wrong)));
        Assert.All(answers, a => Assert.Equal("urn:ecourt:problem:link-code-invalid", a.Json.GetProperty("type").GetString()));
        // Every try was counted before its code was compared, so none of them outran the limit; the row stops counting at the limit.
        var tries = await host.Store.GetRowAsync(caseId, Application.Parties.PartyRows.LinkTries,
            Application.Parties.PartyRows.LinkTriesId(2, "user-guesser"));
        Assert.Equal(Domain.Parties.LinkTries.Max + 1, tries!.Value.Count);
        Assert.Equal("urn:ecourt:problem:link-code-invalid",
            (await LinkAsync(host, caseId, guesser, 2, code)).Json.GetProperty("type").GetString());
        // The party's own holder is not locked out.
        Assert.Equal(200, (await LinkAsync(host, caseId, Holder("user-wang", DefendantId, verifiedName: DefendantName), 2, code)).Status);
    }

    [Fact]
    public async Task Representative_WithThePartysCode_ActsOnlyOnceTheClerkAcceptsItsPowerOfAttorney()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var code = await CodeFromTheComplaintCopyAsync(host);
        var lawyer = Holder("lawyer-sun", role: "lawyer");
        var asked = await LinkAsync(host, caseId, lawyer, 2, code,
            new { kind = "lawyer", name = "孙律师", licenceNumber = "11101201010054321", firm = "黑龙江某律师事务所" });
        Assert.Equal(200, asked.Status);
        // Until the clerk accepts it, the case is not its to see: the answer says where the request stands, nothing of the case.
        Assert.Equal("awaiting-acceptance", asked.Json.GetProperty("status").GetString());
        Assert.False(asked.Json.TryGetProperty("parties", out _), asked.ToString());
        Assert.DoesNotContain("刘志强", asked.Text);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}", lawyer)).Status);

        var power = await host.UploadAsync(caseId, Clerk, Filings.Pdf, kind: "power-of-attorney", fileName: "授权委托书.pdf");
        Assert.Equal(201, power.Status);
        var accepted = await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/representatives/lawyer-sun/acceptance", Clerk,
            new { powerOfAttorneyDocumentId = power.Json.GetProperty("documentId").GetString() });
        Assert.Equal(200, accepted.Status);
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}", lawyer)).Status);
    }

    [Fact]
    public async Task PriorContractConsent_OnTheFilersWord_ConfirmsNothing_UntilTheClerkChecksTheClause()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = (await host.RegisteredAsync(Liu, WithPersonDefendant())).GetProperty("caseId").GetString()!;
        var service = await host.WaitForServiceOfKindAsync(caseId, "complaint-copy", s => s.TryGetProperty("addressConfirmed", out _));
        Assert.False(service.GetProperty("addressConfirmed").GetBoolean());
        var defendant = (await host.GetAsync($"/api/cases/{caseId}", Clerk)).Json.GetProperty("parties")[1];
        Assert.False(defendant.GetProperty("serviceAddresses")[0].TryGetProperty("confirmedAt", out _));

        var clause = await host.UploadAsync(caseId, LiuParty, Filings.Pdf, kind: "evidence", fileName: "借款合同.pdf");
        var confirmed = await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/consent-confirmation", Clerk,
            new { clauseDocumentId = clause.Json.GetProperty("documentId").GetString() });
        Assert.Equal(200, confirmed.Status);
        var after = confirmed.Json.GetProperty("parties")[1];
        Assert.True(after.GetProperty("serviceAddresses")[0].TryGetProperty("confirmedAt", out _));
        // Confirmed once: asked again, nothing waits for the check.
        Assert.Equal(409, (await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/consent-confirmation", Clerk,
            new { clauseDocumentId = clause.Json.GetProperty("documentId").GetString() })).Status);
    }
}
