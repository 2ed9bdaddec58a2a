using ECourt.Application.Judgments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.Documents;

/// <summary>Reading documents the court receives: a judgment's text out of its PDF, the same on every host.</summary>
public static class DocumentReadingRegistration
{
    public static IServiceCollection AddJudgmentTextReader(this IServiceCollection services)
    {
        services.TryAddSingleton<IJudgmentTextReader, PdfJudgmentTextReader>();
        return services;
    }
}
