using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.Evidence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Evidence;

/// <summary>
/// The period of proof and its notice, the evidence chain, the exchange, cross-examination, late evidence and extensions; the
/// period's deadlines; what the notice's service means for the period (ServiceOfProcess's port); the exchanged documents' reach.
/// </summary>
public static class EvidenceRegistration
{
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EvidencePeriods(sp.GetRequiredService<DeadlineCalculator>()));
        services.TryAddSingleton<EvidenceItems>();
        services.TryAddSingleton<SetEvidencePeriod>();
        services.TryAddSingleton<ServeEvidenceNotice>();
        services.TryAddSingleton<SubmitEvidence>();
        services.TryAddSingleton<ListEvidence>();
        services.TryAddSingleton<FileCrossExaminationOpinion>();
        services.TryAddSingleton<OrderEvidenceExchange>();
        services.TryAddSingleton<RuleOnLateEvidence>();
        services.TryAddSingleton<ApplyForExtension>();
        services.TryAddSingleton<DecideExtension>();
        services.TryAddSingleton<VerifyEvidenceChain>();
        services.TryAddSingleton<WriteEvidenceBundle>();
        services.AddSingleton<IDeadlineHandler, EvidenceDeadlines>();
        services.AddSingleton<IServedDocumentEffect, EvidenceNoticeServed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentRecipients, ExchangedEvidence>());
        return services;
    }
}
