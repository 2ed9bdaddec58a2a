using System.Text.Json.Serialization;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>The judge's ruling on late evidence (CPL Interpretation art. 102).</summary>
public enum LateEvidenceDecision
{
    /// <summary>
    /// Admitted: late not by intent or gross negligence (with an admonition), or concerning basic facts (with an admonition or fine).
    /// </summary>
    [JsonStringEnumMemberName("admit")]
    Admit,
    /// <summary>Excluded: late by intent or gross negligence; it stays in the record, not in the exchange.</summary>
    [JsonStringEnumMemberName("exclude")]
    Exclude,
}

/// <summary>The judge's ruling on an item of late evidence, with reasons (a row of the case, written once).</summary>
public sealed record AdmissionRuling(string EvidenceId, LateEvidenceDecision Decision, IReadOnlyList<string> Reasons, string RuledBy,
    DateTimeOffset RuledAt);

/// <summary>
/// Evidence submitted after the period of proof ends is accepted and marked late (CPL Interpretation art. 101); the judge rules on
/// it once, with reasons: admitted, or excluded (art. 102). Whether an item is late follows from the period as it now stands, so
/// an extension granted later (art. 100) makes evidence submitted within it timely.
/// </summary>
public static class LateEvidence
{
    public static bool IsLate(EvidencePeriod? period, DateTimeOffset submittedAt) =>
        period is not null && submittedAt >= period.Deadline.EndsAt;

    public static bool IsLate(CourtCase c, EvidenceItem item) => IsLate(c.Evidence?.Period, item.Record.SubmittedAt);

    public static (CourtCase Case, CaseEvent Event, AdmissionRuling Ruling) Rule(CourtCase c, EvidenceItem item, Actor judge,
        DateTimeOffset now, LateEvidenceDecision decision, IReadOnlyList<string> reasons)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.RuleOnLateEvidence);
        if (!IsLate(c, item))
            throw new DomainRuleException("evidence-not-late",
                $"Evidence {item.EvidenceId} was submitted within the period of proof: CPL Interpretation arts. 101–102 rule on late "
                + "evidence only.");
        if (reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "A ruling on late evidence gives its reasons (CPL Interpretation art. 102).",
                "reasons");
        var ruling = new AdmissionRuling(item.EvidenceId, decision, reasons, judge.UserId, now);
        var (ruled, ev) = c.Transition(EvidenceActions.RuleOnLateEvidence, judge, now,
            decision == LateEvidenceDecision.Admit
                ? $"Late evidence {item.EvidenceId} admitted (CPL Interpretation art. 102)"
                : $"Late evidence {item.EvidenceId} excluded: it stays in the record, not in the exchange (CPL Interpretation art. 102)");
        return (ruled, ev, ruling);
    }
}
