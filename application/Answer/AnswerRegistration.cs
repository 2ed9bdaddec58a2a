using ECourt.Application.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Answer;

/// <summary>The defendant's answer and objection to jurisdiction, and the answer's reach to every party.</summary>
public static class AnswerRegistration
{
    public static IServiceCollection AddAnswer(this IServiceCollection services)
    {
        services.TryAddSingleton<FileAnswer>();
        services.TryAddSingleton<ObjectToJurisdiction>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentRecipients, AnswerCopies>());
        return services;
    }
}
