using ECourt.Application.Access;
using ECourt.Application.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Cases;

/// <summary>
/// The case core's use cases and the commit path every stage shares: court time, the calendar, access, signals, progress,
/// deadlines and the lifecycle's own (its stalls, the sweep, the operators' routes).
/// </summary>
public static class CasesRegistration
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseIndexing, DeadlineIndexing>());
        services.TryAddSingleton<CaseChanges>();
        services.TryAddSingleton<CaseAccess>();
        services.TryAddSingleton<CaseSignals>();
        services.TryAddSingleton<ReadCaseProgress>();
        services.TryAddSingleton<KeepDeadline>();
        services.TryAddSingleton<ListMyCases>();
        services.TryAddSingleton<RecordLifecycleStall>();
        services.TryAddSingleton<ClearLifecycleStall>();
        services.TryAddSingleton<SweepLifecycles>();
        services.TryAddSingleton<ListLifecycleProblems>();
        services.TryAddSingleton<RestartLifecycle>();
        return services;
    }
}
