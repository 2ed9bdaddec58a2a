using ECourt.Application.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Assignment;

/// <summary>The staff registry and case assignment: its use cases and the handler of the "assignment" deadline.</summary>
public static class AssignmentRegistration
{
    public static IServiceCollection AddAssignment(this IServiceCollection services)
    {
        services.TryAddSingleton<StaffDirectory>();
        services.TryAddSingleton<IAssignmentDraw, RandomAssignmentDraw>();
        services.TryAddSingleton<RegisterStaff>();
        services.TryAddSingleton<ListStaff>();
        services.TryAddSingleton<AssignCase>();
        services.TryAddSingleton<AssignByRule>();
        services.AddSingleton<IDeadlineHandler>(sp => sp.GetRequiredService<AssignByRule>());
        return services;
    }
}
