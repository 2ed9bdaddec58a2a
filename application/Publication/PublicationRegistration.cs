using ECourt.Application.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Publication;

/// <summary>
/// Publishing judgments: the preview of an anonymisation, the draft made on effect, its preparation, approval, release and withdrawal,
/// the deadlines, the index's messages and the public search. The public copies, the index queue and the search engine are adapters
/// the host registers (<see cref="IPublishedJudgments"/>, <see cref="IJudgmentIndexQueue"/>, <see cref="IJudgmentIndex"/>).
/// </summary>
public static class PublicationRegistration
{
    public static IServiceCollection AddPublication(this IServiceCollection services)
    {
        services.TryAddSingleton<PreviewRedaction>();
        services.TryAddSingleton<PublicationText>();
        services.TryAddSingleton<MakePublicationDraft>();
        services.TryAddSingleton<ReleasePublication>();
        services.TryAddSingleton<PublicationDecisions>();
        services.TryAddSingleton<IndexPublishedJudgment>();
        services.TryAddSingleton<PublicSearch>();
        services.AddSingleton<IDeadlineHandler, PublicationDeadlines>();
        return services;
    }
}
