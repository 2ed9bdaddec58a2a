using System.Text;
using ECourt.Application.Cases;
using ECourt.Domain.Cases;

namespace ECourt.Integration.Tests;

/// <summary>Every bad request gets a 4xx problem naming the field or rule, and nothing is written.</summary>
public class BadInputTests : IAsyncLifetime
{
    private CourtTestHost _host = null!;
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    public async Task InitializeAsync() => _host = await CourtTestHost.StartAsync(CourtTestHost.Future);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task AssertNothingFiledAsync()
    {
        var mine = await _host.GetAsync("/api/cases", Liu);
        Assert.Empty(mine.Json.GetProperty("items").EnumerateArray());
    }

    private static void AssertProblem(TestResponse r, int status, string? field = null, string? type = null)
    {
        Assert.True(r.Status == status, r.ToString());
        Assert.StartsWith("application/problem+json", r.ContentType);
        Assert.Equal(status, r.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(r.Json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(r.Json.GetProperty("detail").GetString()));
        if (field is not null) Assert.True(r.Json.GetProperty("errors").TryGetProperty(field, out _), $"errors has no {field}: {r.Text}");
        if (type is not null) Assert.Equal("urn:ecourt:problem:" + type, r.Json.GetProperty("type").GetString());
    }

    private Task<TestResponse> CreateRaw(byte[] body, string contentType = "application/json") =>
        _host.SendAsync("POST", "/api/cases", Liu, body, contentType);

    private Task<TestResponse> CreateWith(Action<Dictionary<string, object?>> change)
    {
        var body = Filings.Property("user-liu");
        change(body);
        return _host.PostJsonAsync("/api/cases", Liu, body);
    }

    private static Dictionary<string, object?> Party(Dictionary<string, object?> body, int i) => (Dictionary<string, object?>)((object[])body["parties"]!)[i];

    [Fact]
    public async Task MalformedJson_400()
    {
        AssertProblem(await CreateRaw("{\"caseType\": \"property\","u8.ToArray()), 400, type: "malformed");
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task MisspeltField_400NamingIt_NothingFiled()
    {
        // Consent misspelt: read as no consent, it would file a case whose party is then served without its consent.
        var r = await CreateWith(b => Party(b, 0)["electronicServiceConsnet"] = true);
        AssertProblem(r, 400, "parties[0].electronicServiceConsnet");
        await AssertNothingFiledAsync();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"caseType\":[]}")]
    [InlineData("{\"parties\":\"刘志强\"}")]
    public async Task WrongShape_400SayingWhatWasExpected_NeverANetTypeName(string body)
    {
        var r = await CreateRaw(Encoding.UTF8.GetBytes(body));
        Assert.Equal(400, r.Status);
        Assert.DoesNotContain("ECourt.", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", r.Text, StringComparison.Ordinal);
        Assert.Contains(body == "[]" ? "is a JSON object" : "Expected ", r.Text, StringComparison.Ordinal);
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task WrongMediaType_415() => AssertProblem(await CreateRaw("{}"u8.ToArray(), "text/plain"), 415);

    [Theory]
    [InlineData("cause")]
    [InlineData("claims")]
    [InlineData("caseType")]
    [InlineData("claimAmount")]
    [InlineData("parties")]
    public async Task MissingField_NamesIt(string field)
    {
        AssertProblem(await CreateWith(b => b.Remove(field)), 400, field);
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task NumberForMoney_NamesTheField()
    {
        var json = Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Filings.Property("user-liu")))
            .Replace("\"claimAmount\":\"100000.00\"", "\"claimAmount\":100000");
        AssertProblem(await CreateRaw(Encoding.UTF8.GetBytes(json)), 400, "claimAmount");
        await AssertNothingFiledAsync();
    }

    [Theory]
    [InlineData("-5.00", "An amount cannot be negative.")]
    [InlineData("100.001", "An amount has at most two decimals (fen).")]
    public async Task BadAmount_NamesTheRule(string amount, string message)
    {
        var r = await CreateWith(b => b["claimAmount"] = amount);
        AssertProblem(r, 400, "claimAmount");
        Assert.Equal(message, r.Json.GetProperty("errors").GetProperty("claimAmount")[0].GetString());
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task UnknownCaseType_400() => AssertProblem(await CreateWith(b => b["caseType"] = "piracy"), 400, "caseType");

    [Fact]
    public async Task EnforcementIsNotAFirstInstanceFiling_400() => AssertProblem(await CreateWith(b => b["caseType"] = "enforcement"), 400, "caseType");

    [Fact]
    public async Task InvalidIdNumber_NamesThePartyField()
    {
        var r = await CreateWith(b => Party(b, 0)["idNumber"] = "110105194912310021");
        AssertProblem(r, 400, "parties[0].idNumber");
        Assert.Contains("GB 11643", r.Json.GetProperty("errors").GetProperty("parties[0].idNumber")[0].GetString());
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task InvalidCreditCode_NamesThePartyField()
    {
        var r = await CreateWith(b => Party(b, 1)["creditCode"] = "91230102MA1C8K7PX9");
        AssertProblem(r, 400, "parties[1].creditCode");
        Assert.Contains("GB 32100", r.Json.GetProperty("errors").GetProperty("parties[1].creditCode")[0].GetString());
    }

    [Fact]
    public async Task FilerNotAParty_422()
    {
        AssertProblem(await CreateWith(b =>
        {
            var plaintiff = Party(b, 0);
            plaintiff.Remove("userId");
            plaintiff.Remove("electronicServiceConsent");
        }), 422, type: "filer-not-a-party");
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task BodyOver1MiB_413()
    {
        var r = await CreateWith(b => b["facts"] = new string('事', 400_000));
        AssertProblem(r, 413);
        await AssertNothingFiledAsync();
    }

    /// <summary>The plaintiff's lawyer, its special authority naming <paramref name="powers"/> powers (each in turn, and again).</summary>
    private static void LawyerWithPowers(Dictionary<string, object?> body, int powers) => Party(body, 0)["representatives"] = new object[]
    {
        new Dictionary<string, object?>
        {
            ["kind"] = "lawyer", ["name"] = "王律师", ["licenceNumber"] = "12301199910123456", ["firm"] = "黑龙江某律师事务所",
            ["authority"] = "special",
            ["specialPowers"] = Enumerable.Range(0, powers).Select(i => new[] { "settle", "withdraw", "appeal" }[i % 3]).ToArray(),
        },
    };

    [Theory]
    [InlineData(4)]
    [InlineData(60_000)]
    public async Task Create_SpecialPowersOverTheirBound_400NamingThem_NothingFiled(int powers)
    {
        var r = await CreateWith(b => LawyerWithPowers(b, powers));
        AssertProblem(r, 400, "parties[0].representatives[0].specialPowers");
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task Create_ASpecialPowerTwice_400NamingThem()
    {
        var r = await CreateWith(b =>
        {
            LawyerWithPowers(b, 1);
            ((Dictionary<string, object?>)((object[])Party(b, 0)["representatives"]!)[0])["specialPowers"] = new[] { "settle", "settle" };
        });
        AssertProblem(r, 400, "parties[0].representatives[0].specialPowers");
        await AssertNothingFiledAsync();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(60_000)]
    public async Task Corrections_SpecialPowersOverTheirBound_400NamingThem_CaseUnchanged(int powers)
    {
        var caseId = await _host.SubmittedAsync("user-liu");
        Assert.Equal(200, (await _host.ReviewAsync(caseId, "correct", "缺少借条复印件")).Status);
        var before = (await _host.Store.GetAsync(caseId))!;
        var body = Filings.Property("user-liu");
        LawyerWithPowers(body, powers);
        var corrections = new Dictionary<string, object?> { ["parties"] = body["parties"] };
        var r = await _host.PostJsonAsync($"/api/cases/{caseId}/corrections", Liu, corrections);
        AssertProblem(r, 400, "parties[0].representatives[0].specialPowers");
        var after = (await _host.Store.GetAsync(caseId))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(CaseStatus.CorrectionRequested, after.Case.Status);
    }

    [Fact]
    public async Task Review_ReasonsOverTheirBound_400NamingThem_StateUnchanged()
    {
        var caseId = await _host.SubmittedAsync("user-liu");
        var before = (await _host.Store.GetAsync(caseId))!;
        var reasons = Enumerable.Range(1, Validation.MaxReasons + 1).Select(i => $"缺陷{i}").ToArray();
        AssertProblem(await _host.ReviewAsync(caseId, "correct", reasons), 400, "reasons");
        Assert.Equal(before.ETag, (await _host.Store.GetAsync(caseId))!.ETag);
    }

    [Fact]
    public async Task Create_FeeAidReasonOverItsBound_400NamingIt_NothingFiled()
    {
        var reasons = new[] { "领取最低生活保障金", new string('贫', Validation.MaxReasonChars + 1) };
        var r = await CreateWith(b => b["feeAid"] = new Dictionary<string, object?> { ["kind"] = "defer", ["reasons"] = reasons });
        AssertProblem(r, 400, "feeAid.reasons[1]");
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task Create_StringOverItsBoundInANestedObject_400NamingItsPath_NothingFiled()
    {
        // A guardian acts by law: a licence number given for one is not read, and still it is bounded like every string.
        var r = await CreateWith(b =>
        {
            Party(b, 0)["minor"] = true;
            Party(b, 0)["guardian"] = new Dictionary<string, object?> { ["name"] = "刘父", ["licenceNumber"] = new string('1', 100_000) };
        });
        AssertProblem(r, 400, "parties[0].guardian.licenceNumber");
        await AssertNothingFiledAsync();
    }

    [Fact]
    public async Task NoIdentity_401_WrongRole_403()
    {
        AssertProblem(await _host.SendAsync("POST", "/api/cases", null, "{}"u8.ToArray(), "application/json"), 401);
        AssertProblem(await _host.PostJsonAsync("/api/cases", CourtSteps.Clerk, Filings.Property("clerk-wang")), 403);
        AssertProblem(await _host.GetAsync("/api/review-queue", Liu), 403);
        AssertProblem(await _host.SendAsync("GET", "/api/cases", "not base64 at all"), 401);
    }

    [Fact]
    public async Task CaseNotVisible_404_LikeNoCase()
    {
        var caseId = await _host.CreateAsync("user-liu");
        var stranger = await _host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Principal("user-stranger", "party"));
        var missing = await _host.GetAsync("/api/cases/cs000000000000000000000000", CourtTestHost.Principal("user-stranger", "party"));
        var malformed = await _host.GetAsync("/api/cases/..%2F..%2Fetc", Liu);
        AssertProblem(stranger, 404);
        AssertProblem(missing, 404);
        AssertProblem(malformed, 404);
        Assert.Equal(missing.Json.GetProperty("detail").GetString(), stranger.Json.GetProperty("detail").GetString());
        // Staff of another court do not see it either; staff of its court do.
        AssertProblem(await _host.GetAsync($"/api/cases/{caseId}", CourtTestHost.Staff("clerk-li", "clerk", "黑0102")), 404);
        Assert.Equal(200, (await _host.GetAsync($"/api/cases/{caseId}", CourtSteps.Clerk)).Status);
        // A stranger cannot submit someone else's filing.
        AssertProblem(await _host.SendAsync("POST", $"/api/cases/{caseId}/submit", CourtTestHost.Principal("user-stranger", "party")), 404);
    }

    [Fact]
    public async Task Upload_NotAllowedFormats_415_NothingStored()
    {
        var caseId = await _host.CreateAsync("user-liu");
        AssertProblem(await _host.UploadAsync(caseId, Liu, "hello"u8.ToArray(), "text/plain"), 415);
        // Declared PDF, content is not: refused by content.
        AssertProblem(await _host.UploadAsync(caseId, Liu, "MZ\u0090\0 not a pdf"u8.ToArray(), "application/pdf"), 415);
        // Declared PDF, content is PNG.
        var png = await _host.UploadAsync(caseId, Liu, Filings.Png, "application/pdf");
        AssertProblem(png, 415);
        Assert.Contains("PNG", png.Json.GetProperty("detail").GetString());
        // A ZIP that is not an OFD package.
        AssertProblem(await _host.UploadAsync(caseId, Liu, "PK\u0003\u0004garbage"u8.ToArray(), "application/ofd"), 415);
        Assert.Empty((await _host.Store.GetFileAsync(caseId))!.Documents);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("a/b.pdf")]
    [InlineData("C:\\x.pdf")]
    [InlineData("")]
    [InlineData("\u202Efdp.exe")]
    public async Task Upload_FileNameWithPath_400(string name)
    {
        var caseId = await _host.CreateAsync("user-liu");
        AssertProblem(await _host.UploadAsync(caseId, Liu, Filings.Pdf, fileName: name), 400, "X-File-Name");
        Assert.Empty((await _host.Store.GetFileAsync(caseId))!.Documents);
    }

    [Fact]
    public async Task Upload_UnknownKind_400()
    {
        AssertProblem(await _host.UploadAsync(await _host.CreateAsync("user-liu"), Liu, Filings.Pdf, kind: "selfie"), 400, "X-Document-Kind");
        // The fee notice is the court's own document: nobody uploads one.
        AssertProblem(await _host.UploadAsync(await _host.CreateAsync("user-liu"), Liu, Filings.Pdf, kind: "fee-notice"), 400, "X-Document-Kind");
    }

    [Fact]
    public async Task Upload_Over50MiB_413()
    {
        var caseId = await _host.CreateAsync("user-liu");
        var big = new byte[50 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        AssertProblem(await _host.UploadAsync(caseId, Liu, big), 413);
        Assert.Empty((await _host.Store.GetFileAsync(caseId))!.Documents);
    }

    [Fact]
    public async Task Review_UnknownDecision_400_StateUnchanged()
    {
        var caseId = await _host.SubmittedAsync("user-liu");
        AssertProblem(await _host.ReviewAsync(caseId, "maybe"), 400, "decision");
        Assert.Equal(CaseStatus.Submitted, (await _host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Theory]
    [InlineData("caseType=property&amount=abc", "amount")]
    [InlineData("caseType=property&amount=1.234", "amount")]
    [InlineData("caseType=nope", "caseType")]
    [InlineData("caseType=property&amount=1&procedure=quick", "procedure")]
    public async Task FeeQuote_BadQuery_400(string query, string field) =>
        AssertProblem(await _host.GetAsync("/api/fees/quote?" + query, null), 400, field);

    [Fact]
    public async Task FeeQuote_PropertyWithoutAmount_400NamingIt() =>
        AssertProblem(await _host.GetAsync("/api/fees/quote?caseType=property", null), 400, "amount");

    [Fact]
    public async Task InboxLink_WithoutToken_400NamingIt() =>
        AssertProblem(await _host.GetAsync("/api/inbox/open", CourtTestHost.Principal("user-liu", "party")), 400, "t");

    [Theory]
    [InlineData("start=2026-13-01&period=7", "start")]
    [InlineData("start=2026-11-26&period=0", "period")]
    [InlineData("start=2026-11-26&period=7&unit=weeks", "unit")]
    public async Task Deadline_BadQuery_400(string query, string field) =>
        AssertProblem(await _host.GetAsync("/api/calendar/deadline?" + query, null), 400, field);
}
