using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Fees;

/// <summary>
/// Fee aid, withdrawal, procedure conversion and the fee deadline; what a credit, the fee notice and the fee-aid decision mean for
/// the fee (Payments' and ServiceOfProcess's ports).
/// </summary>
public static class FeesRegistration
{
    public static IServiceCollection AddFees(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
            new FeeCollection(sp.GetRequiredService<DeadlineCalculator>(), sp.GetRequiredService<CourtDirectory>().Get));
        services.TryAddSingleton(sp => new ProcedureConversion(sp.GetRequiredService<CourtDirectory>().Get));
        services.TryAddSingleton<ApplyForFeeAid>();
        services.TryAddSingleton<DecideFeeAid>();
        services.TryAddSingleton<RuleWithdrawn>();
        services.TryAddSingleton<ConvertProcedure>();
        services.TryAddSingleton<ServeFeeAidDecision>();
        services.AddSingleton<IDeadlineHandler, FeeDeadlines>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseCreditEffect, FeeCreditEffect>());
        services.AddSingleton<IServedDocumentEffect, FeeNoticeServed>();
        services.AddSingleton<IServedDocumentEffect, FeeAidDecisionServed>();
        services.AddSingleton<IServedAtRegistration, FeeNoticeAtRegistration>();
        return services;
    }
}
