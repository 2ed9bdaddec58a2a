using Azure.Search.Documents.Indexes;
using ECourt.Adapters.Identity;
using ECourt.Application.Publication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.Search;

/// <summary>
/// The public search (section ECourt:Search): Azure AI Search where an endpoint is configured, reached with the app's identity
/// (Endpoint, IndexName, ClientId); otherwise the embedded Lucene index, kept in IndexDirectory (in memory when none), which
/// is rebuilt from the <see cref="IPublishedJudgmentSource"/> the publication stage registers.
/// </summary>
public static class SearchRegistration
{
    public const string DefaultIndexName = "judgments";

    public static IServiceCollection AddJudgmentSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ECourt:Search");
        if (section["Endpoint"] is { Length: > 0 } endpoint)
        {
            var name = section["IndexName"] is { Length: > 0 } n ? n : DefaultIndexName;
            services.TryAddSingleton<IJudgmentIndex>(_ => new AzureJudgmentIndex(
                new SearchIndexClient(new Uri(endpoint), AzureCredentials.ManagedIdentity(section["ClientId"])), name));
            return services;
        }
        var options = new LuceneJudgmentIndexOptions();
        section.Bind(options);
        services.TryAddSingleton<IJudgmentIndex>(sp => new LuceneJudgmentIndex(options, sp.GetRequiredService<IPublishedJudgmentSource>()));
        return services;
    }
}
