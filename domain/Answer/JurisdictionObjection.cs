using ECourt.Domain.Cases;
using ECourt.Domain.TrialLimit;

namespace ECourt.Domain.Answer;

/// <summary>
/// An objection to the court's jurisdiction (CPL art. 130): a defendant raises it within the answer period; one raised later is
/// refused, naming the rule. It is recorded for the judge, whose ruling (appealable, art. 157) comes later; from the day it is
/// raised the trial time limit stands still (CPL Interpretation art. 243) until that ruling.
/// </summary>
public static class JurisdictionObjection
{
    public const string Source = "CPL art. 130";

    public static (CourtCase Case, CaseEvent Event, JurisdictionObjectionFiled Filed) File(CourtCase c, Actor actor,
        IReadOnlyList<int> parties, DateTimeOffset now, IReadOnlyList<string> reasons, string? proposedCourt)
    {
        CaseTransitions.Target(c.Status, AnswerActions.ObjectToJurisdiction);
        var defendants = DefendantAnswer.Defendants(c, parties, "objection to jurisdiction");
        if (DefendantAnswer.Period(c) is { } period && now >= period.EndsAt)
            throw new DomainRuleException("jurisdiction-objection-late",
                $"An objection to jurisdiction is raised within the answer period, which ended at the end of {period.LastDay:yyyy-MM-dd} "
                + $"({Source}).");
        if (reasons.Count == 0)
            throw new DomainRuleException("reasons-required", $"An objection to jurisdiction gives its reasons ({Source}).", "reasons");
        var summary = c.Answer ?? AnswerSummary.Empty;
        var party = defendants.FirstOrDefault(n => summary.Objections.All(o => o.PartyNumber != n));
        if (party == 0)
            throw new DomainRuleException("jurisdiction-objection-already-filed",
                $"Party {string.Join(", ", defendants)} has objected to jurisdiction already ({Source}).");
        var filed = new JurisdictionObjectionFiled(party, reasons, proposedCourt, actor.UserId, actor.Role, now);
        var day = Calendar.ChinaTime.DateOf(now);
        var proposal = proposedCourt is null ? "" : $", saying {proposedCourt} should hear the case";
        var (objected, ev) = c.Transition(AnswerActions.ObjectToJurisdiction, actor, now,
            $"Party {party} objects to the court's jurisdiction{proposal} ({Source})"
            + $"; the trial time limit stands still from {day:yyyy-MM-dd} until the ruling (CPL Interpretation art. 243)",
            x => TrialLimitSuspensions.Suspend(x.WithAnswer(summary with { Objections = [.. summary.Objections, filed] }), day,
                $"objection to jurisdiction by party {party}", "CPL Interpretation art. 243"));
        return (objected, ev, filed);
    }
}
