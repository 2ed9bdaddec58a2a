using System.Text.Json.Serialization;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>A party's stance on one quality of the other side's evidence.</summary>
public enum OpinionStance
{
    [JsonStringEnumMemberName("admit")]
    Admit,
    [JsonStringEnumMemberName("dispute")]
    Dispute,
}

/// <summary>
/// A party's cross-examination opinion on an item of the other side's evidence: its authenticity, legality and relevance, each
/// admitted or disputed, with reasons (a row of the case, written once per party and item).
/// </summary>
public sealed record CrossExaminationOpinion(string EvidenceId, int PartyNumber, CaseSide Side, OpinionStance Authenticity,
    OpinionStance Legality, OpinionStance Relevance, IReadOnlyList<string> Reasons, string FiledBy, string Role, DateTimeOffset FiledAt)
{
    public bool Disputes =>
        Authenticity == OpinionStance.Dispute || Legality == OpinionStance.Dispute || Relevance == OpinionStance.Dispute;
}

/// <summary>
/// Cross-examination (CPL Interpretation arts. 103–104): a party examines the other side's evidence on its authenticity, legality
/// and relevance, within the window of an exchange the judge ordered (Online Litigation Rules art. 14), once per item; never its
/// own side's evidence. A dispute gives its reasons. Filing one is taking part in the online exchange, for which identity is verified
/// again (Online Litigation Rules art. 7): the caller's sign-in carries a recent verification, recorded with the opinion.
/// </summary>
public static class CrossExamination
{
    public static (CourtCase Case, CaseEvent Event, CrossExaminationOpinion Opinion) File(CourtCase c, EvidenceItem item, CaseSide side,
        int partyNumber, Actor actor, DateTimeOffset now, OpinionStance authenticity, OpinionStance legality, OpinionStance relevance,
        IReadOnlyList<string> reasons, IdentityVerification? verification)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.FileCrossExaminationOpinion);
        if (item.Side == side)
            throw new DomainRuleException("cross-examination-own-evidence",
                $"Evidence {item.EvidenceId} is your own side's: a party cross-examines the other side's evidence "
                + "(CPL Interpretation art. 103).");
        if (EvidenceExchanges.OpenAt(c.Evidence, now) is null)
            throw new DomainRuleException("cross-examination-outside-window",
                "Opinions are filed within the window of an exchange the judge ordered (Online Litigation Rules art. 14); none is open "
                + "now.");
        if (verification?.IsFreshAt(now) != true)
            throw new DomainRuleException("online-exchange-identity-not-verified",
                "Identity is verified again for each online evidence exchange (Online Litigation Rules art. 7): verify it in the app "
                + $"(within {IdentityVerification.MaxAge.TotalMinutes:0} minutes before filing), then file the opinion again.");
        var opinion = new CrossExaminationOpinion(item.EvidenceId, partyNumber, side, authenticity, legality, relevance, reasons,
            actor.UserId, actor.Role, now);
        if (opinion.Disputes && reasons.Count == 0)
            throw new DomainRuleException("reasons-required", "A disputed authenticity, legality or relevance gives its reasons.",
                "reasons");
        var (filed, ev) = c.Transition(EvidenceActions.FileCrossExaminationOpinion, actor, now,
            $"Cross-examination opinion of party {partyNumber} on evidence {item.EvidenceId} (CPL Interpretation art. 104); identity of "
            + $"{actor.UserId} verified again for the online exchange: {verification.Describe()} (Online Litigation Rules art. 7)");
        return (filed, ev, opinion);
    }
}
