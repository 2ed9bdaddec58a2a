using System.Runtime.CompilerServices;
using ECourt.Adapters.Search;
using ECourt.Application.Publication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>AddJudgmentSearch: Azure AI Search where an endpoint is configured, the embedded index otherwise.</summary>
public class SearchRegistrationTests
{
    private sealed class NoneYet : IPublishedJudgmentSource
    {
        public async IAsyncEnumerable<IndexedJudgment> PublishedAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    private static IJudgmentIndex Registered(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IPublishedJudgmentSource, NoneYet>();
        services.AddJudgmentSearch(configuration);
        return services.BuildServiceProvider().GetRequiredService<IJudgmentIndex>();
    }

    [Fact]
    public async Task NoEndpoint_TheEmbeddedIndex_RebuiltFromThePublishedJudgments()
    {
        var index = Assert.IsType<LuceneJudgmentIndex>(Registered());
        await index.EnsureReadyAsync(CancellationToken.None);
        Assert.True(index.Rebuilt);
        index.Dispose();
    }

    [Fact]
    public void AnEndpoint_AzureAISearch()
    {
        Assert.IsType<AzureJudgmentIndex>(Registered(("ECourt:Search:Endpoint", "https://srch-court.search.windows.net"),
            ("ECourt:Search:IndexName", "judgments-test")));
    }
}
