using ECourt.Application.Cases;
using ECourt.Domain.Filing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Filing;

/// <summary>Filing, review and registration, and the review and cure deadlines.</summary>
public static class FilingRegistration
{
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
}
