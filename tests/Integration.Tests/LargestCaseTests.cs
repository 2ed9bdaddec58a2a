using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Filing;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>The largest case the filing rules allow, with every list a later step adds at its limit, fits its table row.</summary>
public class LargestCaseTests
{
    private static string Han(int length) => string.Concat(Enumerable.Range(0, length).Select(i => (char)('一' + i % 20000)));

    /// <summary>254 characters, the longest an address may be.</summary>
    private static string LongestEmail(char c) => new string(c, 64) + "@" + new string('e', PartyReader.MaxEmailChars - 69) + ".com";

    private static Dictionary<string, object?> Lawyer(int n, string kind) => new()
    {
        ["kind"] = kind,
        ["name"] = Han(Bounds.Name),
        ["licenceNumber"] = "12301199910123456",
        ["firm"] = Han(Bounds.Name),
        ["authority"] = "special",
        ["specialPowers"] = new[] { "settle", "withdraw", "appeal" },
    };

    private static Dictionary<string, object?> Party(int n, string filer)
    {
        var organisation = n % 2 == 0;
        var party = new Dictionary<string, object?>
        {
            ["role"] = n == 0 ? "plaintiff" : "defendant",
            ["kind"] = organisation ? "organisation" : "person",
            ["name"] = Han(Bounds.Name),
            ["phone"] = "13800000000",
            ["email"] = LongestEmail('m'),
            ["address"] = Han(PartyReader.MaxAddressChars),
            ["userId"] = n == 0 ? filer : null,
            ["electronicServiceConsent"] = n == 0,
            ["representatives"] = new[] { Lawyer(n * 2, "lawyer"), Lawyer(n * 2 + 1, "agent") },
            ["serviceAddresses"] = new object[]
            {
                new Dictionary<string, object?> { ["channel"] = "sms", ["address"] = "13900000000" },
                new Dictionary<string, object?> { ["channel"] = "email", ["address"] = LongestEmail('a') },
                new Dictionary<string, object?> { ["channel"] = "postal", ["address"] = Han(PartyReader.MaxAddressChars - 1) + "一" },
            },
        };
        // Only the filer names its own account; another party's field is left out, never null.
        if (n != 0) party.Remove("userId");
        if (organisation) { party["creditCode"] = Filings.DefendantCreditCode; party["legalRepresentative"] = Lawyer(n, "agent"); }
        else
        {
            party["idType"] = "resident-id";
            party["idNumber"] = Filings.PlaintiffId;
            party["minor"] = true;
            party["guardian"] = Lawyer(n, "agent");
        }
        return party;
    }

    [Fact]
    public async Task LargestFiling_EveryReasonListFull_ACaseFileOfAThousandDocuments_StoredAndRead_RowUnderOneMebibyte()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        const string filer = "user-liu";
        var reasons = Enumerable.Range(0, Validation.MaxReasons).Select(_ => Han(Validation.MaxReasonChars)).ToList();
        var body = Filings.Property(filer);
        body["cause"] = Han(FilingRequest.MaxCauseChars);
        body["claims"] = Han(FilingRequest.MaxClaimsChars);
        body["facts"] = Han(FilingRequest.MaxFactsChars);
        body["feeAid"] = new Dictionary<string, object?> { ["kind"] = "reduce", ["reasons"] = reasons };
        body["parties"] = Enumerable.Range(0, PartyReader.MaxParties).Select(n => Party(n, filer)).ToArray();
        var caseId = await host.SubmittedAsync(filer, body);

        // What later steps add to the snapshot, each at its limit: every party's and representative's account linked by its
        // holder, the clerk's defects and refusal reasons, the judge's reasons, a full case file.
        var store = host.Services.GetRequiredService<ICaseStore>();
        var stored = (await store.GetAsync(caseId))!;
        var c = stored.Case;
        c = c with
        {
            Parties = c.Parties.Select(p => p with
            {
                UserId = p.UserId ?? $"user-{p.PartyNumber}-".PadRight(Bounds.UserId, 'u'),
                Representatives = p.Representatives.Select((r, i) =>
                    r with { UserId = $"lawyer-{p.PartyNumber}-{i}-".PadRight(Bounds.UserId, 'x') })
                    .ToList(),
            }).ToList(),
        };
        var at = host.Clock.GetUtcNow();
        var review = c.Part<Review>()!;
        var correction = new CorrectionNotice(reasons, at, "clerk-wang", review.Deadline);
        c = c.With(review with { Correction = correction, RejectionReasons = reasons });
        var aid = c.Part<FeeAid>()!;
        c = c.With(aid with { Decision = new FeeAidDecision(FeeAidOutcome.Refused, null, null, reasons, "judge-zhao", at) });
        var room = DocumentParts.MaxDocuments - c.FiledDocuments.Count;
        for (var i = 1; i <= room; i++)
            c = c.WithDocument(new CaseDocument($"dc{i:D30}", DocumentKind.Evidence, "证据.pdf", "application/pdf", 10, new string('0', 64),
                filer, at));
        Assert.Equal(DocumentParts.MaxDocuments, c.FiledDocuments.Count);
        var change = c.Record("RecordAtTheLimits", new Actor("clerk-wang", "clerk"), at, Han(2000), x => x);
        Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(CaseChange.Of(change), stored.ETag)).Outcome);

        var read = await host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal(filer, "party"));
        Assert.Equal(200, read.Status);
        Assert.Equal(PartyReader.MaxParties, read.Json.GetProperty("parties").GetArrayLength());
        var row = await host.Services.GetRequiredService<StorageClients>().Cases.GetEntityAsync<TableEntity>(caseId, "case");
        var size = TableEntitySize.Of(row.Value);
        Assert.InRange(size, 800_000, TableEntitySize.MaxBytes);
        Console.WriteLine($"Largest case's snapshot row: {TableEntitySize.InTheService(row.Value):N0} bytes as the service counts, "
            + $"{TableEntitySize.OnTheWire(row.Value):N0} as sent, of {TableEntitySize.MaxBytes:N0}");
    }
    [Fact]
    public async Task CaseNearItsRowLimit_AChangeThatWouldNotFit_422RecordTooLarge_NothingStored()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync("user-liu");
        var table = host.Services.GetRequiredService<StorageClients>().Cases;
        async Task<long> RowSize() => TableEntitySize.Of((await table.GetEntityAsync<TableEntity>(caseId, "case")).Value);

        // Written straight to the store, past what the API accepts: the snapshot 20 KB under its row's limit, where each
        // character of the facts counts 6 bytes (the emulator's "\uXXXX").
        var stored = (await host.Store.GetAsync(caseId))!;
        var padding = (int)((TableEntitySize.MaxBytes - 20_000 - await RowSize()) / 6);
        var (padded, padEvent) = stored.Case.Record("PadToTheLimit", new Actor("clerk-wang", "clerk"), host.Clock.GetUtcNow(), "",
            c => c with { Facts = c.Facts + Han(padding) });
        Assert.Equal(CommitOutcome.Committed, (await host.Store.CommitAsync(CaseChange.Of((padded, padEvent)), stored.ETag)).Outcome);
        Assert.InRange(await RowSize(), TableEntitySize.MaxBytes - 30_000, TableEntitySize.MaxBytes - 10_000);
        var before = (await host.Store.GetFileAsync(caseId))!;

        // The clerk's correction notice with every reason at its limit is 60 KB more: it cannot be kept in the case's row.
        var reasons = Enumerable.Range(0, Validation.MaxReasons).Select(_ => Han(Validation.MaxReasonChars)).ToArray();
        var r = await host.ReviewAsync(caseId, "correct", reasons);
        Assert.True(r.Status == 422, r.ToString());
        Assert.Equal("urn:ecourt:problem:record-too-large", r.Json.GetProperty("type").GetString());

        var after = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(CaseStatus.Submitted, after.Case.Status);
        Assert.Equal(before.Events.Count, after.Events.Count);
    }
}
