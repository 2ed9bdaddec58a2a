using ECourt.Domain.TrialLimit;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.TrialLimit;

/// <summary>
/// The trial time limit beside its deadlines (the case view's <c>deadlines</c> list the warning and the limit with their days while
/// they are pending): the days the president added and those excluded, since when and why the limit stands still, and the last day
/// the judge was warned of and the one that passed with no judgment.
/// </summary>
public sealed record TrialLimitView(int ExtendedDays, int ExcludedDays, IReadOnlyList<ExclusionView> Exclusions, DateOnly? SuspendedSince,
    string? SuspendedFor, DateOnly? WarnedFor, DateOnly? PassedOn, string Basis)
{
    public static TrialLimitView? Of(Domain.Cases.CourtCase c)
    {
        if (!TrialTimeLimit.Runs(c)) return null;
        var s = c.TrialLimit ?? TrialLimitSummary.Empty;
        return new TrialLimitView(s.ExtendedDays, s.ExcludedDays,
            s.Exclusions.Select(x => new ExclusionView(x.Reason, x.From, x.To.AddDays(-1), x.Basis)).ToList(), s.Suspension?.Since,
                s.Suspension?.Reason, s.WarnedFor, s.ReachedFor,
            TrialTimeLimit.Basis);
    }
}

/// <summary>A period that did not count: why, its first and last day, and the rule.</summary>
public sealed record ExclusionView(string Reason, DateOnly From, DateOnly Through, string Basis);

public static class TrialLimitViews
{
    public static IServiceCollection AddTrialLimitViews(this IServiceCollection services)
    {
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<TrialLimitView>("trialLimit", (c, _) => TrialLimitView.Of(c)));
        // Asked for, decided, warned of: the team's business, not the parties'.
        services.AddEventsOfPart("trialLimit", TrialLimitExtension.ApplyForTrialLimitExtension,
            TrialLimitExtension.DecideTrialLimitExtension, TrialLimitWarnings.WarnTrialLimit, TrialLimitWarnings.TrialLimitReached);
        return services;
    }
}
