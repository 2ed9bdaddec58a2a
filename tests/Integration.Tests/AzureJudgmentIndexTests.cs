using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Search.Documents;
using Azure.Search.Documents.Indexes;
using ECourt.Adapters.Search;
using ECourt.Application.Publication;

namespace ECourt.Integration.Tests;

/// <summary>
/// Azure AI Search through the real client against <see cref="SearchServiceStandIn"/>, which speaks the service's REST protocol
/// (its search is substring matching, not SmartCn: the shared behaviour holds the adapter to what it sends and reads).
/// </summary>
public sealed class AzureJudgmentIndexTests : JudgmentIndexTests
{
    private const string IndexName = "judgments";
    private readonly SearchServiceStandIn _service = new();

    private sealed class ManagedIdentity : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token-of-the-apps-identity", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private AzureJudgmentIndex Index() => new(new SearchIndexClient(new Uri("https://srch-court.search.windows.net"), new ManagedIdentity(),
        new SearchClientOptions
        {
            Transport = new HttpClientTransport(_service),
            Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(10), Mode = RetryMode.Fixed },
        }), IndexName);

    protected override async Task<IJudgmentIndex> IndexAsync(IPublishedJudgmentSource? source = null)
    {
        var index = Index();
        await index.EnsureReadyAsync(CancellationToken.None);
        return index;
    }

    [Fact]
    public async Task EnsureReady_CreatesTheIndex_TheSearchedCopyUnderSmartCn_ThePublishedTextNotSearched()
    {
        Assert.Null(_service.Definition(IndexName));

        await Index().EnsureReadyAsync(CancellationToken.None);

        var fields = _service.Definition(IndexName)!["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!);
        Assert.True(fields["key"]["key"]!.GetValue<bool>());
        Assert.Equal("zh-Hans.lucene", fields["content"]["analyzer"]!.GetValue<string>());
        Assert.True(fields["content"]["searchable"]!.GetValue<bool>());
        Assert.False(fields["content"]["retrievable"]!.GetValue<bool>());
        Assert.Equal("standard.lucene", fields["characters"]["analyzer"]!.GetValue<string>());
        Assert.False(fields["text"]["searchable"]!.GetValue<bool>());
        Assert.All(new[] { "caseNumber", "court", "cause", "decidedOn", "withdrawn" },
            f => Assert.True(fields[f]["filterable"]!.GetValue<bool>(), f));
        Assert.Contains($"PUT /indexes('{IndexName}')", _service.Requests);
    }

    [Fact]
    public async Task Remove_LeavesATombstone_WithItsVersion_AndNothingOfTheText()
    {
        var index = await IndexAsync();
        await index.UpsertAsync(Judgment("jd1"), CancellationToken.None);
        await index.RemoveAsync("jd1", 2, CancellationToken.None);

        var tombstone = _service.Document(IndexName, AzureJudgmentIndex.Key("jd1"))!;
        Assert.True(tombstone["withdrawn"]!.GetValue<bool>());
        Assert.Equal(2, tombstone["version"]!.GetValue<long>());
        Assert.All(new[] { "text", "content", "characters", "title", "caseNumber" }, f => Assert.Null(tombstone[f]));
    }

    [Fact]
    public async Task ServiceDown_UpsertFails_SoItsMessageIsRetried_ThenAppliedOnce()
    {
        var index = await IndexAsync();
        _service.Unavailable = true;
        await Assert.ThrowsAsync<RequestFailedException>(() => index.UpsertAsync(Judgment("jd1"), CancellationToken.None));

        _service.Unavailable = false;
        await index.UpsertAsync(Judgment("jd1"), CancellationToken.None);
        await index.UpsertAsync(Judgment("jd1"), CancellationToken.None);

        Assert.Equal(["jd1"], await Found(index, Query("借款")));
    }

    [Fact]
    public async Task AJudgmentIdTheServiceRefusesAsAKey_KeptUnderAnEncodedKey_FoundUnderItsId()
    {
        var index = await IndexAsync();
        await index.UpsertAsync(Judgment("_jd/1+2 号"), CancellationToken.None);

        Assert.Matches("^j[A-Za-z0-9_-]+$", AzureJudgmentIndex.Key("_jd/1+2 号"));
        Assert.Equal(["_jd/1+2 号"], await Found(index, Query("借款")));
    }
}
