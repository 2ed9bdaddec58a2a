using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Enforcement: applications and the cases they open, the officer's measures and the banks' replies, funds received (Payments'
/// port) and paid out, the notice served (ServiceOfProcess's port) and the deadlines. The bank sender (<see cref="IBankRequestSender"/>)
/// is an adapter the host registers.
/// </summary>
public static class EnforcementRegistration
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services)
    {
        services.AddOptions<EnforcementOptions>();
        services.TryAddSingleton<ApplyForEnforcement>();
        services.TryAddSingleton<OpenEnforcementCase>();
        services.TryAddSingleton<SendBankRequests>();
        services.TryAddSingleton<EnforcementCommit>();
        services.TryAddSingleton<StartAssetInquiry>();
        services.TryAddSingleton<RequestFreeze>();
        services.TryAddSingleton<RequestDeduction>();
        services.TryAddSingleton<ProposePayout>();
        services.TryAddSingleton<DecidePayout>();
        services.TryAddSingleton<RecordBankReply>();
        services.TryAddSingleton<ReadInquiries>();
        services.TryAddSingleton<ServeEnforcementNotice>();
        services.TryAddSingleton<ServeDishonestDecision>();
        services.TryAddSingleton<PublishDishonestList>();
        services.TryAddSingleton<ListDishonestDebtor>();
        services.TryAddSingleton<RemoveDishonestDebtor>();
        services.TryAddSingleton<SignConsumptionRestriction>();
        services.TryAddSingleton<SearchDishonestList>();
        services.TryAddSingleton<EnforcementDecisions>();
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<ServeDishonestDecision>());
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<PublishDishonestList>());
        services.AddSingleton<IServedDocumentEffect, DishonestDecisionServed>();
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<OpenEnforcementCase>());
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<SendBankRequests>());
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<ServeEnforcementNotice>());
        services.AddSingleton<IDeadlineHandler, EnforcementDeadlines>();
        services.AddSingleton<IServedDocumentEffect, EnforcementNoticeServed>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseCreditEffect, EnforcementCreditEffect>());
        services.TryAddSingleton<ReadEnforcementOverview>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseIndexing, EnforcementOverviewIndexing>());
        return services;
    }
}
