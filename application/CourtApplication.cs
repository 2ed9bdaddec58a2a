using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Fees;
using ECourt.Application.Filing;
using ECourt.Application.Messaging;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application;

/// <summary>
/// The use cases of every stage, registered by one method per stage; a new stage adds its method and one line in
/// <see cref="AddCourtApplication"/>. The ports they need are registered by the adapters' Add… methods and the host.
/// </summary>
public static class CourtApplication
{
    public static IServiceCollection AddCourtApplication(this IServiceCollection services) => services
        .AddCases()
        .AddDocuments()
        .AddFiling()
        .AddFees()
        .AddPayments()
        .AddServiceOfProcess();

    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CourtCalendar.Published);
        services.TryAddSingleton<DeadlineCalculator>();
        services.TryAddSingleton<CaseChanges>();
        services.TryAddSingleton<CaseAccess>();
        services.TryAddSingleton<CaseSignals>();
        services.TryAddSingleton<ReadCaseProgress>();
        services.TryAddSingleton<KeepDeadline>();
        services.TryAddSingleton<ReadCase>();
        services.TryAddSingleton<ListMyCases>();
        return services;
    }

    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.TryAddSingleton<UploadDocument>();
        services.TryAddSingleton<DownloadDocument>();
        return services;
    }

    public static IServiceCollection AddFiling(this IServiceCollection services)
    {
        services.TryAddSingleton<FilingReview>();
        services.TryAddSingleton<CaseRegistration>();
        services.TryAddSingleton<FileCase>();
        services.TryAddSingleton<SubmitFiling>();
        services.TryAddSingleton<SubmitCorrections>();
        services.TryAddSingleton<ReviewFiling>();
        services.TryAddSingleton<RegisterCase>();
        services.TryAddSingleton<ReadReviewQueue>();
        services.AddSingleton<IDeadlineHandler, FilingDeadlines>();
        return services;
    }

    public static IServiceCollection AddFees(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new FeeCollection(sp.GetRequiredService<DeadlineCalculator>(), sp.GetRequiredService<CourtDirectory>().Get));
        services.TryAddSingleton(sp => new ProcedureConversion(sp.GetRequiredService<CourtDirectory>().Get));
        services.TryAddSingleton<ApplyForFeeAid>();
        services.TryAddSingleton<DecideFeeAid>();
        services.TryAddSingleton<RuleWithdrawn>();
        services.TryAddSingleton<ConvertProcedure>();
        services.AddSingleton<IDeadlineHandler, FeeDeadlines>();
        services.TryAddSingleton<ICaseCreditEffect, FeeCreditEffect>();
        services.AddSingleton<IServedDocumentEffect, FeeNoticeServed>();
        services.AddSingleton<IServedAtRegistration, FeeNoticeAtRegistration>();
        return services;
    }

    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>();
        services.TryAddSingleton<BookCredit>();
        services.TryAddSingleton<ClaimSuspense>();
        services.TryAddSingleton<ListSuspense>();
        services.TryAddSingleton<ReconcileStatement>();
        services.TryAddSingleton<ReadReconciliation>();
        services.TryAddSingleton<RerunReconciliation>();
        services.TryAddSingleton<ReadLedger>();
        return services;
    }

    public static IServiceCollection AddServiceOfProcess(this IServiceCollection services)
    {
        services.TryAddSingleton<ComplaintService>();
        services.TryAddSingleton<ServiceRecords>();
        services.TryAddSingleton<StartServiceOfProcess>();
        services.TryAddSingleton<ServeDocument>();
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
        services.AddSingleton<IDeadlineHandler, ServiceOfProcessDeadlines>();
        services.AddSingleton<IServedDocumentEffect, ComplaintCopyServed>();
        services.AddSingleton<IServedAtRegistration, ComplaintCopyAtRegistration>();
        return services;
    }
}
