using ECourt.Domain.Assignment;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Assignment;

/// <summary>
/// The case's judge and clerk (an enforcement case's officer; user ids, as the staff registry knows them) and its division, for
/// the case's team; or, while no member is eligible, since when the case waits and when the rule is tried again.
/// </summary>
public sealed record AssignmentView(string? Judge, string? Clerk, Division Division, DateTimeOffset? AssignedAt, string? AssignedBy,
    DateTimeOffset? WaitingSince, DateTimeOffset? RetryAt, string? Officer)
{
    public static AssignmentView From(CaseAssignment a) => new(a.Judge, a.Clerk, a.Division, Court(a.AssignedAt), a.AssignedBy,
        Court(a.WaitingSince), Court(a.RetryAt), a.Officer);

    private static DateTimeOffset? Court(DateTimeOffset? at) => at is { } t ? Domain.Calendar.ChinaTime.ToChinaTime(t) : null;
}

public static class AssignmentViews
{
    public static IServiceCollection AddAssignmentViews(this IServiceCollection services)
    {
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<AssignmentView>("assignment",
            (c, _) => c.Assignment is { } a ? AssignmentView.From(a) : null));
        // Their reasons name the division and why a case waits, or why it was reassigned: the team's.
        services.AddEventsOfPart("assignment", "AssignmentWaiting", "CaseReassigned");
        return services;
    }
}
