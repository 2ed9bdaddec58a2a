using Azure.Data.Tables;
using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.Requests;
using ECourt.Domain.Cases;
using ECourt.Domain.Filing;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Idempotency-Key on the writes that create something or move a case or money: a repeat with the same key (per caller,
/// method and route) answers what the first answered, byte for byte, and changes nothing; a server failure is not kept;
/// a repeat while the first runs is 409; the same key with another body is 422.
/// </summary>
public class IdempotencyTests
{
    private const string Liu = "user-liu";
    private static readonly string LiuParty = CourtTestHost.Principal(Liu, "party");

    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    private static Task<TestResponse> SubmitAsync(CourtTestHost host, string caseId, string? key, string? principal = null) =>
        host.SendAsync("POST", $"/api/cases/{caseId}/submit", principal ?? LiuParty, headers: key is null ? null : Key(key));

    private static Task<TestResponse> ReviewAsync(CourtTestHost host, string caseId, string key, object body, string? clerk = null) =>
        host.PostJsonAsync($"/api/cases/{caseId}/review", clerk ?? CourtSteps.Clerk, body, Key(key));

    private static async Task<string> DraftWithComplaintAsync(CourtTestHost host)
    {
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf)).Status);
        return caseId;
    }

    /// <summary>Status, every header and the body's bytes: what a client sees.</summary>
    private static void Same(TestResponse first, TestResponse again)
    {
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(first.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase),
            again.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var (name, value) in first.Headers) Assert.Equal(value.ToString(), again.Headers[name].ToString());
    }

    [Fact]
    public async Task Review_RepeatedWithItsKey_SameAnswer_CaseUnchanged()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        var body = new { decision = "correct", reasons = new[] { "缺少借条复印件" } };
        var first = await ReviewAsync(host, caseId, "review-1", body);
        Assert.True(first.Status == 200, first.ToString());
        var before = (await host.Store.GetFileAsync(caseId))!;

        var again = await ReviewAsync(host, caseId, "review-1", body);
        Same(first, again);
        var after = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Events.Count, after.Events.Count);
        Assert.Equal(CaseStatus.CorrectionRequested, after.Case.Status);
    }

    [Fact]
    public async Task Create_RepeatedWithItsKey_SameAnswerWithLocationAndETag_OneDraft()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Filings.Property(Liu);
        var first = await host.PostJsonAsync("/api/cases", LiuParty, body, Key("filing-a"));
        Assert.Equal(201, first.Status);
        var caseId = first.Json.GetProperty("caseId").GetString()!;
        var before = (await host.Store.GetFileAsync(caseId))!;

        var again = await host.PostJsonAsync("/api/cases", LiuParty, body, Key("filing-a"));
        Same(first, again);
        Assert.Equal($"/api/cases/{caseId}", again.Headers.Location.ToString());
        Assert.False(string.IsNullOrEmpty(again.Headers.ETag));
        var after = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Single(after.Events);
        Assert.Single((await host.GetAsync("/api/cases", LiuParty)).Json.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_TwoIdenticalFilingsWithoutAKey_TwoDrafts()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var a = await host.CreateAsync(Liu);
        var b = await host.CreateAsync(Liu);
        Assert.NotEqual(a, b);
        Assert.Equal(2, (await host.GetAsync("/api/cases", LiuParty)).Json.GetProperty("items").GetArrayLength());
        // Without a key nothing is kept.
        await foreach (var row in host.Storage.IdempotencyKeys.QueryAsync<TableEntity>())
            Assert.Fail($"A key was kept: {row.PartitionKey}");
    }

    [Fact]
    public async Task Submit_RefusedFirst_TheRefusalIsReplayed_EvenOnceItWouldPass()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync(Liu);
        var refused = await SubmitAsync(host, caseId, "submit-1");
        Assert.Equal(422, refused.Status);
        Assert.Equal("urn:ecourt:problem:complaint-required", refused.Json.GetProperty("type").GetString());

        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf)).Status);
        Same(refused, await SubmitAsync(host, caseId, "submit-1"));
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);

        // A new key is a new request.
        Assert.Equal(200, (await SubmitAsync(host, caseId, "submit-2")).Status);
    }

    [Fact]
    public async Task Submit_AnswerKeptADay_ThenTheKeyRunsAgain()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(422, (await SubmitAsync(host, caseId, "submit-1")).Status);
        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf)).Status);

        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddHours(23).AddMinutes(59));
        Assert.Equal(422, (await SubmitAsync(host, caseId, "submit-1")).Status);
        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddMinutes(2));
        var again = await SubmitAsync(host, caseId, "submit-1");
        Assert.True(again.Status == 200, again.ToString());
    }

    /// <summary>Counts the calls to the key store, each one storage call of its table adapter.</summary>
    private sealed class CountingAnswers(IIdempotentAnswers inner) : IIdempotentAnswers
    {
        public int Adds, Reads, Replaces, Deletes;

        public int All => Adds + Reads + Replaces + Deletes;

        public Task<string?> TryAddAsync(string key, IdempotentEntry entry, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Adds);
            return inner.TryAddAsync(key, entry, ct);
        }

        public Task<StoredIdempotentEntry?> GetAsync(string key, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Reads);
            return inner.GetAsync(key, ct);
        }

        public Task<string?> TryReplaceAsync(string key, IdempotentEntry entry, string etag, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Replaces);
            return inner.TryReplaceAsync(key, entry, etag, ct);
        }

        public Task DeleteAsync(string key, string etag, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Deletes);
            return inner.DeleteAsync(key, etag, ct);
        }

        public Task<int> DeleteLapsedAsync(DateTimeOffset before, int max, CancellationToken ct = default) =>
            inner.DeleteLapsedAsync(before, max, ct);
    }

    private static async Task<int> KeyRowsAsync(CourtTestHost host)
    {
        var rows = 0;
        await foreach (var _ in host.Storage.IdempotencyKeys.QueryAsync<TableEntity>(select: ["PartitionKey"])) rows++;
        return rows;
    }

    [Fact]
    public async Task Purge_DeletesKeysPastTheirDay_KeepsTheRest_ARepeatAfterwardsRunsAsNew()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var purge = host.Services.GetRequiredService<PurgeLapsedIdempotencyKeys>();
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1"))).Status);
        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddHours(12));
        Assert.Equal(200, (await SubmitAsync(host, caseId, "submit-1")).Status);
        Assert.Equal(2, await KeyRowsAsync(host));

        Assert.Equal(0, await purge.RunAsync(CancellationToken.None));
        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddHours(12).AddMinutes(1));
        Assert.Equal(1, await purge.RunAsync(CancellationToken.None));
        Assert.Equal(1, await KeyRowsAsync(host));
        // The submit's answer is still kept: its repeat is answered as the first, and changes nothing.
        var again = await SubmitAsync(host, caseId, "submit-1");
        Assert.Equal(200, again.Status);

        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddHours(12));
        Assert.Equal(1, await purge.RunAsync(CancellationToken.None));
        Assert.Equal(0, await KeyRowsAsync(host));
        Assert.Equal(0, await purge.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AKeyCostsItsClaimAndItsAnswer_ARepeatAClaimAndARead_NoKeyNothing()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services =>
            services.AddSingleton<IIdempotentAnswers>(sp =>
                new CountingAnswers(new TableIdempotentAnswers(sp.GetRequiredService<StorageClients>()))));
        var keys = (CountingAnswers)host.Services.GetRequiredService<IIdempotentAnswers>();
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf, kind: "evidence")).Status);
        Assert.Equal(0, keys.All);

        var first = await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1"));
        Assert.Equal(201, first.Status);
        Assert.Equal((1, 0, 1, 0), (keys.Adds, keys.Reads, keys.Replaces, keys.Deletes));
        Same(first, await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1")));
        Assert.Equal((2, 1, 1, 0), (keys.Adds, keys.Reads, keys.Replaces, keys.Deletes));
    }

    [Fact]
    public async Task FilingAndUpload_RepeatedAfterTheirAnswersLapsed_StillOneCaseAndOneDocument()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var body = Filings.Property(Liu);
        var created = await host.PostJsonAsync("/api/cases", LiuParty, body, Key("filing-a"));
        var caseId = created.Json.GetProperty("caseId").GetString()!;
        var uploaded = await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1"));
        Assert.Equal(201, uploaded.Status);
        var before = (await host.Store.GetFileAsync(caseId))!;

        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddDays(2));
        var again = await host.PostJsonAsync("/api/cases", LiuParty, body, Key("filing-a"));
        Assert.Equal(201, again.Status);
        Assert.Equal(caseId, again.Json.GetProperty("caseId").GetString());
        var reupload = await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1"));
        Assert.Equal(201, reupload.Status);
        Assert.Equal(uploaded.Json.GetProperty("documentId").GetString(), reupload.Json.GetProperty("documentId").GetString());
        var after = (await host.Store.GetFileAsync(caseId))!;
        Assert.Single(after.Documents);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Single((await host.GetAsync("/api/cases", LiuParty)).Json.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(300 * 1024)]
    [InlineData(3 * 1024 * 1024)]
    public async Task KeptAnswer_OfAnySize_ReadBackByteForByte(int size)
    {
        var answers = new TableIdempotentAnswers(await Azurite.NewStorageAsync());
        var at = CourtTestHost.Future;
        var claimed = await answers.TryAddAsync("k1", new IdempotentEntry("fp", at.AddMinutes(5), null));
        Assert.NotNull(claimed);
        Assert.Null(await answers.TryAddAsync("k1", new IdempotentEntry("fp", at.AddMinutes(5), null)));
        var body = new byte[size];
        Random.Shared.NextBytes(body);
        var answer = new RecordedAnswer(201, [KeyValuePair.Create("Location", "/api/cases/cs1"), KeyValuePair.Create("ETag", "W/\"1\"")],
            body);
        Assert.NotNull(await answers.TryReplaceAsync("k1", new IdempotentEntry("fp", at.AddHours(24), answer), claimed));
        // The claim's version is spent: a run that outlived its lease cannot keep its answer over this one.
        Assert.Null(await answers.TryReplaceAsync("k1", new IdempotentEntry("fp", at.AddHours(24), answer with { Status = 200 }), claimed));

        var read = (await answers.GetAsync("k1"))!.Entry;
        Assert.Equal(at.AddHours(24), read.Until);
        Assert.Equal(201, read.Answer!.Status);
        Assert.Equal(answer.Headers, read.Answer.Headers);
        Assert.Equal(body, read.Answer.Body);
    }

    /// <summary>Fails the submit's commit as often as told, before anything is written.</summary>
    private sealed class FailingSubmitStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public int Failures { get; set; }

        public override Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            if (Failures > 0 && change.Events.Any(e => e.Action == FilingActions.SubmitFiling.Name))
            {
                Failures--;
                throw new IOException("The table service failed.");
            }
            return base.CommitAsync(change, snapshotETag, ct);
        }
    }

    [Fact]
    public async Task Submit_ServerFailedFirst_NotKept_TheRetryRunsAgain()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<ICaseStore>(sp =>
            new FailingSubmitStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        var store = (FailingSubmitStore)host.Store;
        var caseId = await DraftWithComplaintAsync(host);

        store.Failures = 1;
        var failed = await SubmitAsync(host, caseId, "submit-1");
        Assert.Equal(500, failed.Status);
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);

        var retried = await SubmitAsync(host, caseId, "submit-1");
        Assert.True(retried.Status == 200, retried.ToString());
        Assert.Equal(CaseStatus.Submitted, (await host.Store.GetAsync(caseId))!.Case.Status);
        Same(retried, await SubmitAsync(host, caseId, "submit-1"));
    }

    [Fact]
    public async Task Review_SameKeyAnotherBody_422_NothingChanges()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.SubmittedAsync(Liu);
        Assert.Equal(200, (await ReviewAsync(host, caseId, "review-1", new { decision = "correct", reasons = new[] { "缺少借条" } })).Status);
        var before = (await host.Store.GetFileAsync(caseId))!;

        var reused = await ReviewAsync(host, caseId, "review-1", new { decision = "accept", reasons = Array.Empty<string>() });
        Assert.Equal(422, reused.Status);
        Assert.Equal("urn:ecourt:problem:idempotency-key-reused", reused.Json.GetProperty("type").GetString());
        var after = (await host.Store.GetFileAsync(caseId))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(CaseStatus.CorrectionRequested, after.Case.Status);
    }

    [Fact]
    public async Task Upload_SameKeyAnotherDocumentKind_422()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync(Liu);
        Assert.Equal(201, (await host.UploadAsync(caseId, LiuParty, Filings.Pdf, extra: Key("upload-1"))).Status);
        var reused = await host.UploadAsync(caseId, LiuParty, Filings.Pdf, kind: "evidence", extra: Key("upload-1"));
        Assert.Equal(422, reused.Status);
        Assert.Equal("urn:ecourt:problem:idempotency-key-reused", reused.Json.GetProperty("type").GetString());
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Documents);
    }

    /// <summary>Holds the submit's commit until the test lets it go, and says when one is held.</summary>
    private sealed class HeldSubmitStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        private int _held;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            if (change.Events.Any(e => e.Action == FilingActions.SubmitFiling.Name) && Interlocked.Exchange(ref _held, 1) == 0)
            {
                Entered.SetResult();
                await Release.Task;
            }
            return await base.CommitAsync(change, snapshotETag, ct);
        }
    }

    private static async Task<(CourtTestHost Host, HeldSubmitStore Store)> StartHeldAsync()
    {
        var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<ICaseStore>(sp =>
            new HeldSubmitStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        return (host, (HeldSubmitStore)host.Store);
    }

    [Fact]
    public async Task Submit_RepeatedWhileTheFirstRuns_409_ThenTheFirstAnswer()
    {
        var (host, store) = await StartHeldAsync();
        await using var _ = host;
        var caseId = await DraftWithComplaintAsync(host);

        var first = SubmitAsync(host, caseId, "submit-1");
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(CourtSteps.Patience));
        var during = await SubmitAsync(host, caseId, "submit-1");
        Assert.Equal(409, during.Status);
        Assert.Equal("urn:ecourt:problem:idempotency-key-in-use", during.Json.GetProperty("type").GetString());
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);

        store.Release.SetResult();
        var answered = await first;
        Assert.True(answered.Status == 200, answered.ToString());
        Same(answered, await SubmitAsync(host, caseId, "submit-1"));
        Assert.Equal(2, (await host.Store.GetFileAsync(caseId))!.Events.Count);
    }

    [Fact]
    public async Task Submit_FirstRunNeverFinished_ItsKeyIsTakenOverOnceItsLeaseEnds()
    {
        var (host, store) = await StartHeldAsync();
        await using var _ = host;
        var caseId = await DraftWithComplaintAsync(host);

        // The first run stops inside its work, as a host that died would: its claim stays, "running".
        var stuck = SubmitAsync(host, caseId, "submit-1");
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(CourtSteps.Patience));
        Assert.Equal(409, (await SubmitAsync(host, caseId, "submit-1")).Status);

        host.Clock.SetUtcNow(host.Clock.GetUtcNow().AddMinutes(10));
        var retried = await SubmitAsync(host, caseId, "submit-1");
        Assert.True(retried.Status == 200, retried.ToString());
        Assert.Equal(CaseStatus.Submitted, (await host.Store.GetAsync(caseId))!.Case.Status);

        // The first run, let go, finds its claim taken: what it answers is not kept over the retry's answer.
        store.Release.SetResult();
        await stuck;
        Same(retried, await SubmitAsync(host, caseId, "submit-1"));
        Assert.Equal(2, (await host.Store.GetFileAsync(caseId))!.Events.Count);
    }

    [Fact]
    public async Task SameKey_AnotherCaseAnotherCallerOrAnotherRoute_Independent()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var a = await DraftWithComplaintAsync(host);
        var b = await DraftWithComplaintAsync(host);
        var submitA = await SubmitAsync(host, a, "k");
        var submitB = await SubmitAsync(host, b, "k");
        Assert.Equal(200, submitA.Status);
        Assert.Equal(200, submitB.Status);
        Assert.Equal(b, submitB.Json.GetProperty("caseId").GetString());

        // Another route, the same key: its own request.
        var evidence = await host.UploadAsync(a, LiuParty, Filings.Pdf, kind: "evidence", fileName: "借条.pdf", extra: Key("k"));
        Assert.Equal(201, evidence.Status);

        // Another clerk with the first clerk's key and body is not answered the first clerk's answer: the review runs, and finds
        // the case already decided.
        var body = new { decision = "correct", reasons = new[] { "缺少借条" } };
        Assert.Equal(200, (await ReviewAsync(host, a, "k", body)).Status);
        var other = await ReviewAsync(host, a, "k", body, CourtTestHost.Staff("clerk-li", "clerk"));
        Assert.NotEqual(200, other.Status);
        Assert.DoesNotContain("idempotency-key", other.Json.GetProperty("type").GetString());

        // Access first: a caller who may not see the case learns nothing from a key.
        var stranger = await SubmitAsync(host, a, "k", CourtTestHost.Principal("user-chen", "party"));
        Assert.Equal(404, stranger.Status);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("")]
    [InlineData("一")]
    public async Task Submit_MalformedKey_400_NothingChanges(string key)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await DraftWithComplaintAsync(host);
        var r = await SubmitAsync(host, caseId, key);
        Assert.Equal(400, r.Status);
        Assert.True(r.Json.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), r.ToString());
        Assert.Equal(CaseStatus.Draft, (await host.Store.GetAsync(caseId))!.Case.Status);
    }

    [Fact]
    public async Task Submit_KeyOfTheLongestForm_Accepted_OneLongerRefused()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await DraftWithComplaintAsync(host);
        Assert.Equal(400, (await SubmitAsync(host, caseId, new string('k', 101))).Status);
        Assert.Equal(200, (await SubmitAsync(host, caseId, new string('k', 100))).Status);
    }
}
