using ECourt.Application.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Application.TrialLimit;

/// <summary>The trial time limit's warnings (its extensions are applied for and decided on the case's extension route).</summary>
public static class TrialLimitRegistration
{
    public static IServiceCollection AddTrialLimit(this IServiceCollection services) =>
        services.AddSingleton<IDeadlineHandler, TrialLimitDeadlines>();
}
