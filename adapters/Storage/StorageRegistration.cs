using ECourt.Application.Assignment;
using ECourt.Application.Calendar;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Enforcement;
using ECourt.Application.Filing;
using ECourt.Application.Hearings;
using ECourt.Application.Numbering;
using ECourt.Application.Payments;
using ECourt.Application.Publication;
using ECourt.Application.Requests;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Adapters.Storage;

/// <summary>Azure Tables, Blobs and Queues behind the court's store ports.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, StorageOptions options)
    {
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<StorageOptions>(), sp.GetService<StorageRequestCounter>()));
        services.TryAddSingleton<ICaseStore, TableCaseStore>();
        services.TryAddSingleton<TableCaseIndex>();
        services.TryAddSingleton<IUserCases>(sp => sp.GetRequiredService<TableCaseIndex>());
        services.TryAddSingleton<IReviewQueue>(sp => sp.GetRequiredService<TableCaseIndex>());
        services.TryAddSingleton<IAccountIndex>(sp => sp.GetRequiredService<TableCaseIndex>());
        services.TryAddSingleton<TableLifecycleIndexes>();
        services.TryAddSingleton<IDeadlineIndex>(sp => sp.GetRequiredService<TableLifecycleIndexes>());
        services.TryAddSingleton<ILifecycleStalls>(sp => sp.GetRequiredService<TableLifecycleIndexes>());
        services.TryAddSingleton<IOpenServiceIndex>(sp => sp.GetRequiredService<TableLifecycleIndexes>());
        services.TryAddSingleton<TableCalendarStore>();
        services.TryAddSingleton<ICalendarStore>(sp => sp.GetRequiredService<TableCalendarStore>());
        services.TryAddSingleton<ICalendarIndex>(sp => sp.GetRequiredService<TableCalendarStore>());
        services.TryAddSingleton<ICaseNumberRegistry, TableCaseNumberRegistry>();
        services.TryAddSingleton<IStaffRegistry, TableStaffRegistry>();
        services.TryAddSingleton<ICaseAccessLog, TableCaseAccessLog>();
        services.TryAddSingleton<IDocumentStore, BlobDocumentStore>();
        services.TryAddSingleton<ISuspenseLedger, TableSuspenseLedger>();
        services.TryAddSingleton<ICourtFunds, TableCourtFunds>();
        services.TryAddSingleton<IReconciliationStore, TableReconciliationStore>();
        services.TryAddSingleton<IServiceMessageIndex, TableServiceMessageIndex>();
        services.TryAddSingleton<IInbox, TableInbox>();
        services.TryAddSingleton<ICertificateStore, BlobCertificateStore>();
        services.TryAddSingleton<IIdempotentAnswers, TableIdempotentAnswers>();
        services.TryAddSingleton<IHearingCalendar, TableHearingCalendar>();
        services.TryAddSingleton<IDishonestList, TableDishonestList>();
        services.TryAddSingleton<TablePublishedJudgments>();
        services.TryAddSingleton<IPublishedJudgments>(sp => sp.GetRequiredService<TablePublishedJudgments>());
        services.TryAddSingleton<IPublishedJudgmentSource>(sp => sp.GetRequiredService<TablePublishedJudgments>());
        services.TryAddSingleton<IJudgmentIndexQueue, StorageJudgmentIndexQueue>();
        services.TryAddSingleton<Application.Enforcement.IEnforcementOverview, TableEnforcementOverview>();
        return services;
    }
}
