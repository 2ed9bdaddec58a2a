using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Payments;

/// <summary>Bank credits, suspense, reconciliation and the ledger.</summary>
public static class PaymentsRegistration
{
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddOptions<PaymentsOptions>();
        services.TryAddSingleton<CaseCreditEffects>();
        services.TryAddSingleton<BookCredit>();
        services.TryAddSingleton<SuspenseCourts>();
        services.TryAddSingleton<SuspenseReservations>();
        services.TryAddSingleton<ClaimSuspense>();
        services.TryAddSingleton<ReleaseSuspense>();
        services.TryAddSingleton<ListSuspense>();
        services.TryAddSingleton<ReconcileStatement>();
        services.TryAddSingleton<ReadReconciliation>();
        services.TryAddSingleton<RerunReconciliation>();
        services.TryAddSingleton<ReadLedger>();
        return services;
    }
}
