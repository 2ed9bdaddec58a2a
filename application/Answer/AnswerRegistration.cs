using ECourt.Application.Cases;
using ECourt.Application.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Answer;

/// <summary>
/// The defendant's answer and objection to jurisdiction, the answer's reach to every party, and a defendant's 3 days to link its
/// account to proceed online.
/// </summary>
public static class AnswerRegistration
{
    public static IServiceCollection AddAnswer(this IServiceCollection services)
    {
        services.TryAddSingleton<FileAnswer>();
        services.TryAddSingleton<ObjectToJurisdiction>();
        services.AddSingleton<IDeadlineHandler, AnswerDeadlines>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentRecipients, AnswerCopies>());
        return services;
    }
}
