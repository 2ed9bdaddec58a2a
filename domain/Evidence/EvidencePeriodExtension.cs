using System.Text.Json.Serialization;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>What a party or the judge asks to extend, on the case's one extension route.</summary>
public enum ExtensionKind
{
    /// <summary>The period of proof: a party applies, the judge decides (CPL Interpretation art. 100).</summary>
    [JsonStringEnumMemberName("evidence-period")]
    EvidencePeriod,
    /// <summary>The trial time limit: the judge applies, the president decides (CPL arts. 152, 164, 169).</summary>
    [JsonStringEnumMemberName("trial-limit")]
    TrialLimit,
}

public enum ExtensionRuling
{
    [JsonStringEnumMemberName("grant")]
    Grant,
    [JsonStringEnumMemberName("refuse")]
    Refuse,
}

/// <summary>An application to extend, as made (a row of the case, written once).</summary>
public sealed record ExtensionApplication(string ExtensionId, ExtensionKind Kind, int Days, IReadOnlyList<string> Reasons, CaseSide Side,
    IReadOnlyList<int> Parties, string AppliedBy, string Role, DateTimeOffset AppliedAt);

/// <summary>The judge's decision on it, with the period's new last day where granted (a row of the case, written once).</summary>
public sealed record ExtensionDecision(string ExtensionId, ExtensionRuling Ruling, int? Days, IReadOnlyList<string> Reasons,
    string DecidedBy, DateTimeOffset DecidedAt, DateOnly? LastDay);

/// <summary>
/// Extending the period of proof (CPL Interpretation art. 100): a party applies in writing before the period ends; the judge grants
/// it where the reasons hold, extending the period appropriately for every party, or refuses it with reasons. The decision may come
/// after the end: a period extended after its end runs again.
/// </summary>
public static class EvidencePeriodExtensions
{
    /// <summary>The law says "appropriately" (适当), not how long: a year bounds what one application may ask.</summary>
    public const int MaxDays = 365;

    public static (CourtCase Case, CaseEvent Event, ExtensionApplication Application) Apply(CourtCase c, string extensionId, Actor actor,
        CaseSide side, IReadOnlyList<int> parties, DateTimeOffset now, int days, IReadOnlyList<string> reasons)
    {
        var period = EvidencePeriods.CheckExtensionApplication(c, now);
        if (reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "An application to extend the period of proof gives its reasons (art. 100).",
                "reasons");
        var application = new ExtensionApplication(extensionId, ExtensionKind.EvidencePeriod, days, reasons, side, parties, actor.UserId,
            actor.Role, now);
        var (applied, ev) = c.Transition(EvidenceActions.ApplyForEvidencePeriodExtension, actor, now,
            $"Extension {extensionId} of the period of proof (ending {EvidencePeriods.Day(period.Deadline.LastDay)}) applied for: "
            + $"{days} days "
            + "(CPL Interpretation art. 100)");
        return (applied, ev, application);
    }

    public static (CourtCase Case, CaseEvent Event, ExtensionDecision Decision) Decide(EvidencePeriods periods, CourtCase c,
        ExtensionApplication application, Actor judge, DateTimeOffset now, ExtensionRuling ruling, int? days, IReadOnlyList<string> reasons)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.DecideEvidencePeriodExtension);
        if (ruling == ExtensionRuling.Refuse && reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "A refusal gives its reasons (CPL Interpretation art. 100).", "reasons");
        if (c.Evidence is not { Period: { } period } summary)
            throw new DomainRuleException("evidence-period-not-set",
                "The judge has not set the period of proof: there is nothing to extend.");
        if (ruling == ExtensionRuling.Refuse)
        {
            var (refused, ev) = c.Transition(EvidenceActions.DecideEvidencePeriodExtension, judge, now,
                $"Extension {application.ExtensionId} of the period of proof refused (CPL Interpretation art. 100)");
            return (refused, ev, new ExtensionDecision(application.ExtensionId, ruling, null, reasons, judge.UserId, now, null));
        }
        var granted = days ?? application.Days;
        var extended = periods.Extend(period, granted);
        var (decided, granting) = c.Transition(EvidenceActions.DecideEvidencePeriodExtension, judge, now,
            $"Extension {application.ExtensionId} granted: the period of proof ends at the end of "
            + $"{EvidencePeriods.Day(extended.Deadline.LastDay)} for every party (CPL Interpretation art. 100)",
            x => x.WithEvidence(summary with { Period = extended }));
        return (decided, granting, new ExtensionDecision(application.ExtensionId, ruling, granted, reasons, judge.UserId, now,
            extended.Deadline.LastDay));
    }
}
