using ECourt.Domain.Calendar;
using ECourt.Domain.Filing;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Filing;

/// <summary>The filing stage's part of the case view: its review's clock and outcome.</summary>
public sealed record ReviewView(DateTimeOffset PeriodStartedAt, string DecisionDue, IReadOnlyList<string>? Defects, string? CureBy, IReadOnlyList<string>? RejectionReasons,
    bool RegisteredOnDeadline)
{
    public static ReviewView From(Review r) => new(ChinaTime.ToChinaTime(r.PeriodStartedAt), r.Deadline.LastDay.ToString("yyyy-MM-dd"), r.Correction?.Defects,
        r.Correction?.CureDeadline.LastDay.ToString("yyyy-MM-dd"), r.RejectionReasons, r.RegisteredOnDeadline);
}

public static class FilingViews
{
    public static IServiceCollection AddFilingViews(this IServiceCollection services) =>
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<ReviewView>("review",
                (c, _) => c.Review is { } r ? ReviewView.From(r) : null))
            // Their reasons tell the review's deadline, defects and rulings.
            .AddEventsOfPart("review", FilingActions.SubmitFiling.Name, FilingActions.RequestCorrection.Name,
                FilingActions.SubmitCorrections.Name, FilingActions.RejectFiling.Name, FilingActions.ReturnUncorrectedFiling.Name)
            // Registration's tells the fee notice it issued: amount, account, due date.
            .AddEventsOfPart("feeNotice", FilingActions.RegisterCase.Name, FilingActions.RegisterOnReviewDeadline.Name);
}
