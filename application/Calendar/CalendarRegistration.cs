using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Calendar;

/// <summary>The court calendar as data: loading and publishing arrangements, and counting deadlines again.</summary>
public static class CalendarRegistration
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => new CourtCalendar(PublishedCalendars.All));
        services.TryAddSingleton<DeadlineCalculator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseIndexing, CalendarIndexing>());
        services.TryAddSingleton<LoadCourtCalendar>();
        services.TryAddSingleton<RecountDeadlines>();
        services.TryAddSingleton<RecountProvisionalDeadlines>();
        services.TryAddSingleton<PublishCalendar>();
        services.TryAddSingleton<ReadCalendar>();
        return services;
    }
}
