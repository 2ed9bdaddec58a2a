using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Answer;

/// <summary>
/// The defendant's answer (CPL art. 128): filed within 15 days of receiving the complaint copy; one filed later is still taken and
/// marked late, since not answering does not stop the trial (art. 128) and the judge weighs what comes. Its documents reach every
/// party: the court sends the plaintiff a copy (art. 128). One answer per defendant; more is evidence or a further document.
/// </summary>
public static class DefendantAnswer
{
    public const string Source = "CPL art. 128";

    /// <summary>An answer and its annexes: a bound on what one request names, not a rule of law.</summary>
    public const int MaxDocuments = 20;

    /// <summary>The answer period's end (15 days from service on the defendants), once every defendant is served.</summary>
    public static Calendar.Deadline? Period(CourtCase c) => c.ServiceOfProcess?.AnswerDeadline;

    public static (CourtCase Case, CaseEvent Event, IReadOnlyList<AnswerFiled> Filed) File(CourtCase c, Actor actor,
        IReadOnlyList<int> parties,
        DateTimeOffset now, IReadOnlyList<CaseDocument> documents)
    {
        CaseTransitions.Target(c.Status, AnswerActions.FileAnswer);
        var defendants = Defendants(c, parties, "answer");
        if (documents.Count == 0)
            throw new DomainRuleException("answer-documents-required", "An answer has at least one document.", "documentIds");
        if (documents.FirstOrDefault(d => d.Kind != DocumentKind.Answer) is { } other)
            throw new DomainRuleException("answer-document-kind-required",
                $"Document {other.DocumentId} was uploaded as {other.Kind.WireName()}: upload the answer with the kind answer.",
                "documentIds");
        var summary = c.Answer ?? AnswerSummary.Empty;
        var open = defendants.Where(n => summary.Answers.All(a => a.PartyNumber != n)).ToList();
        if (open.Count == 0)
            throw new DomainRuleException("answer-already-filed",
                $"Party {string.Join(", ", defendants)} has answered already ({Source}): file more as evidence.");
        var late = Period(c) is { } period && now >= period.EndsAt;
        var ids = documents.Select(d => d.DocumentId).ToList();
        var filed = open.Select(n => new AnswerFiled(n, ids, actor.UserId, actor.Role, now, late)).ToList();
        var (answered, ev) = c.Transition(AnswerActions.FileAnswer, actor, now,
            $"Answer of party {string.Join(", ", open)} filed{(late ? " after the answer period" : "")} ({Source}): "
            + $"{string.Join(", ", ids)}",
            x => x.WithAnswer(summary with { Answers = [.. summary.Answers, .. filed] }));
        return (answered, ev, filed);
    }

    /// <summary>The caller's parties that are defendants; a caller with none is refused.</summary>
    internal static IReadOnlyList<int> Defendants(CourtCase c, IReadOnlyList<int> parties, string what)
    {
        var defendants = c.Parties.Where(p => p.Role == PartyRole.Defendant && parties.Contains(p.PartyNumber)).Select(p => p.PartyNumber)
            .ToList();
        if (defendants.Count == 0)
            throw new DomainRuleException("answer-by-defendant", $"Only a defendant or its lawyer files an {what} ({Source}).");
        return defendants;
    }
}
