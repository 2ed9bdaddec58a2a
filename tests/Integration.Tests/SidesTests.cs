using ECourt.Application.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Integration.Tests;

/// <summary>
/// Each side acts only for itself: the filing acts are the plaintiff side's, a draft is not the other side's to see, and
/// once registered the other side sees the parties' names and roles, its own contact data, and the documents served on
/// it, never the plaintiff's identity documents or fee-aid application.
/// </summary>
public class SidesTests
{
    private const string Liu = "user-liu";
    private const string Defendant = "defendant-rep";
    private static readonly string LiuParty = CourtTestHost.Principal(Liu, "party");
    private static readonly string DefendantParty = CourtTestHost.Principal(Defendant, "party");

    /// <summary>The defendant's own account linked to its party (as its holder links it).</summary>
    private static async Task LinkDefendantAsync(CourtTestHost host, string caseId)
    {
        var stored = (await host.Store.GetAsync(caseId))!;
        var parties = stored.Case.Parties.Select(p => p.Role == PartyRole.Defendant ? p with { UserId = Defendant } : p).ToList();
        Assert.Equal(CommitOutcome.Committed, (await host.Store.CommitAsync(CaseChange.Of(stored.Case with { Parties = parties }, []),
            stored.ETag)).Outcome);
    }

    [Fact]
    public async Task NamedDefendant_CannotSeeOrActOnThePlaintiffsDraft()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync(Liu);
        await LinkDefendantAsync(host, caseId);

        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}", DefendantParty)).Status);
        Assert.Equal(404, (await host.UploadAsync(caseId, DefendantParty, Filings.Pdf)).Status);
        Assert.Equal(404, (await host.SendAsync("POST", $"/api/cases/{caseId}/submit", DefendantParty)).Status);
        var aid = new { kind = "waive", reasons = new[] { "困难" } };
        Assert.Equal(404, (await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", DefendantParty, aid)).Status);
        Assert.DoesNotContain((await host.GetAsync("/api/cases", DefendantParty)).Json.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("caseId").GetString() == caseId);

        // Nothing of it happened: the plaintiff's own application is still its to make.
        var c = (await host.Store.GetAsync(caseId))!.Case;
        Assert.Equal(Domain.Cases.CaseStatus.Draft, c.Status);
        Assert.Empty(c.FiledDocuments);
        Assert.Equal(200, (await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", LiuParty, aid)).Status);
    }

    [Fact]
    public async Task Registered_TheOtherSideSeesNamesAndRoles_AndWhatWasServedOnIt_NotThePlaintiffsPrivateDocuments()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync(Liu);
        var identity = (await host.UploadAsync(caseId, LiuParty, Filings.Pdf, kind: "identity", fileName: "身份证.pdf")).Json
            .GetProperty("documentId").GetString()!;
        var application = (await host.UploadAsync(caseId, LiuParty, Filings.Pdf, kind: "fee-aid-application", fileName: "申请.pdf")).Json
            .GetProperty("documentId").GetString()!;
        var complaint = (await host.UploadAsync(caseId, LiuParty, Filings.Pdf,
            kind: "complaint")).Json.GetProperty("documentId").GetString()!;
        // The plaintiff's means are its own: it applies for fee aid with its filing.
        Assert.Equal(200, (await host.PostJsonAsync($"/api/cases/{caseId}/fee-aid", LiuParty,
            new { kind = "defer", reasons = new[] { "困难" } })).Status);
        Assert.Equal(200, (await host.SendAsync("POST", $"/api/cases/{caseId}/submit", LiuParty)).Status);
        Assert.Equal(200, (await host.ReviewAsync(caseId, "accept")).Status);
        await LinkDefendantAsync(host, caseId);
        // The complaint copy is served on the defendant at registration.
        await host.WaitForServiceOfKindAsync(caseId, "complaint-copy", _ => true);
        // The clerk checks the identity of the defendant's account.
        Assert.Equal(200, (await host.PostJsonAsync($"/api/cases/{caseId}/parties/2/identity-checks", CourtSteps.Clerk,
            new { userId = Defendant, method = "in person, with the identity card", passed = true })).Status);

        var view = await host.GetAsync($"/api/cases/{caseId}", DefendantParty);
        Assert.Equal(200, view.Status);
        var plaintiff = view.Json.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "plaintiff");
        Assert.Equal("刘志强", plaintiff.GetProperty("name").GetString());
        foreach (var hidden in new[] { "idNumber", "phone", "email", "userId", "address", "electronicServiceConsent" })
            Assert.False(plaintiff.TryGetProperty(hidden, out _), hidden);
        Assert.Empty(plaintiff.GetProperty("serviceAddresses").EnumerateArray());
        Assert.DoesNotContain(Filings.PlaintiffId, view.Text);
        Assert.DoesNotContain("13800000000", view.Text);
        Assert.False(view.Json.TryGetProperty("feeNotice", out _));
        Assert.False(view.Json.TryGetProperty("review", out _));
        Assert.False(view.Json.TryGetProperty("feeAid", out _));
        // Nor anywhere else: not the plaintiff's account (documents' uploader, events), nor its fee aid, nor its fee account.
        var accountNumber = (await host.GetAsync($"/api/cases/{caseId}", LiuParty)).Json.GetProperty("feeNotice")
            .GetProperty("accountNumber").GetString()!;
        Assert.DoesNotContain(Liu, view.Text);
        Assert.DoesNotContain("defer", view.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(accountNumber, view.Text);
        Assert.DoesNotContain(Liu, (await host.GetAsync($"/api/cases/{caseId}/service", DefendantParty)).Text);
        // The case's history stays whole: registration shows, by its legal source.
        Assert.Contains(view.Json.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "RegisterCase");
        var documents = view.Json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("documentId").GetString()).ToList();
        Assert.Contains(complaint, documents);
        Assert.DoesNotContain(identity, documents);
        Assert.DoesNotContain(application, documents);
        Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/documents/{complaint}", DefendantParty)).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{identity}", DefendantParty)).Status);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{application}", DefendantParty)).Status);
        // A complaint is the filing side's document: the other side files none.
        Assert.Equal(403, (await host.UploadAsync(caseId, DefendantParty, Filings.Pdf, kind: "complaint")).Status);

        // The plaintiff sees its own in full; its defendant's contact data it never gave as the defendant's own.
        var own = (await host.GetAsync($"/api/cases/{caseId}", LiuParty)).Json;
        Assert.Equal(Filings.PlaintiffId, own.GetProperty("parties")[0].GetProperty("idNumber").GetString());
        Assert.Contains(own.GetProperty("documents").EnumerateArray(), d => d.GetProperty("documentId").GetString() == identity);
        var defendant = own.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "defendant");
        Assert.False(defendant.TryGetProperty("userId", out _));
        // The defendant's account reaches the plaintiff nowhere, not by the clerk's check of it.
        Assert.DoesNotContain(Defendant, (await host.GetAsync($"/api/cases/{caseId}", LiuParty)).Text);
        // Its own uploads it sees as its own; the court's (the fee notice) without the clerk's or the system's account.
        var ownDocuments = own.GetProperty("documents").EnumerateArray().ToList();
        Assert.Contains(ownDocuments, d => d.TryGetProperty("uploadedBy", out var by) && by.GetString() == Liu);
        Assert.Contains(ownDocuments, d => !d.TryGetProperty("uploadedBy", out _));
    }
}
