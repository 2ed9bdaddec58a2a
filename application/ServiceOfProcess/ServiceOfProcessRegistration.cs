using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Parties;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Service of documents: records, workflow steps, evidence, inbox, certificates, and the complaint copy served at
/// registration.</summary>
public static class ServiceOfProcessRegistration
{
    public static IServiceCollection AddServiceOfProcess(this IServiceCollection services)
    {
        services.TryAddSingleton<ComplaintService>();
        services.TryAddSingleton<ServiceRecords>();
        services.TryAddSingleton<StartServiceOfProcess>();
        services.TryAddSingleton<ServeDocument>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentRecipients, ServedDocuments>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPartyLinked, InboxOnLink>());
        services.TryAddSingleton<ListServices>();
        services.TryAddSingleton<ReadServiceState>();
        services.TryAddSingleton<SendServiceNotice>();
        services.TryAddSingleton<AdvanceService>();
        services.TryAddSingleton<ElapsePublicNotice>();
        services.TryAddSingleton<IssueCertificate>();
        services.TryAddSingleton<FlagDispatchOverdue>();
        services.TryAddSingleton<FlagRouteExhausted>();
        services.TryAddSingleton<RecordDeliveryReport>();
        services.TryAddSingleton<ServiceForStaff>();
        services.TryAddSingleton<RecordPostalResult>();
        services.TryAddSingleton<OrderPublicNotice>();
        services.TryAddSingleton<ListInbox>();
        services.TryAddSingleton<OpenInboxItem>();
        services.TryAddSingleton<ReadCertificate>();
        services.TryAddSingleton<VerifyCertificate>();
        services.TryAddSingleton<SweepServiceWorkflows>();
        services.TryAddSingleton<RecordServiceStall>();
        services.TryAddSingleton<ClearServiceStall>();
        services.AddSingleton<IDeadlineHandler, ServiceOfProcessDeadlines>();
        services.TryAddSingleton<ServeCourtDocument>();
        services.AddSingleton<IServedDocumentEffect, ComplaintCopyServed>();
        services.AddSingleton<IServedAtRegistration, ComplaintCopyAtRegistration>();
        return services;
    }
}
