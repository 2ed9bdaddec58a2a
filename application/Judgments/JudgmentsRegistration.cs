using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Judgments;

/// <summary>
/// Issuing judgments, their service and what it means (ServiceOfProcess's port), appeals, and the deadlines that make a judgment
/// effective. The PDF reader (<see cref="IJudgmentTextReader"/>) is an adapter the host registers.
/// </summary>
public static class JudgmentsRegistration
{
    public static IServiceCollection AddJudgments(this IServiceCollection services)
    {
        services.TryAddSingleton<JudgmentText>();
        services.TryAddSingleton<ServeJudgment>();
        services.TryAddSingleton<IssueJudgment>();
        services.TryAddSingleton<FileAppeal>();
        services.AddSingleton<IDeadlineHandler, JudgmentDeadlines>();
        services.AddSingleton<IServedDocumentEffect, JudgmentServedEffect>();
        return services;
    }
}
