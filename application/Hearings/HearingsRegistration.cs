using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Hearings;

/// <summary>
/// Scheduling, postponing, cancelling and recording hearings; their notices' service and what it means for a hearing (ServiceOfProcess's
/// port); the deadlines; the public calendar kept with every change of a case.
/// </summary>
public static class HearingsRegistration
{
    public static IServiceCollection AddHearings(this IServiceCollection services)
    {
        services.TryAddSingleton<ServeHearingNotice>();
        services.TryAddSingleton<ScheduleHearing>();
        services.TryAddSingleton<PostponeHearing>();
        services.TryAddSingleton<CancelHearing>();
        services.TryAddSingleton<RecordHearing>();
        services.TryAddSingleton<ReadHearingCalendar>();
        services.TryAddSingleton<JoinHearing>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentRecipients, HearingMinutes>());
        services.TryAddSingleton(new HearingOptions());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICaseIndexing, HearingCalendarIndexing>());
        services.AddSingleton<IDeadlineHandler, HearingDeadlines>();
        services.AddSingleton<IServedDocumentEffect>(new HearingNoticeServed(ServedDocumentKind.Summons));
        services.AddSingleton<IServedDocumentEffect>(new HearingNoticeServed(ServedDocumentKind.HearingCancellation));
        return services;
    }
}
