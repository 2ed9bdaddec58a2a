using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;

namespace ECourt.Domain.Judgments;

/// <summary>What the judge issues: the signed document, the results, and where the text for publication came from.</summary>
public sealed record JudgmentDraft(string JudgmentId, JudgmentKind Kind, RulingGround? Ground, string DocumentId,
    IReadOnlyList<JudgmentOrder> Orders, IReadOnlyList<CostShare> Costs, JudgmentTextSource TextSource, string? TextFailure);

/// <summary>
/// Issuing the judgment, its service on every party, appeals within each party's period, and its taking effect (CPL arts. 100,
/// 155–158, 165, 171). Time comes in as an argument; the periods are counted on the court calendar.
/// </summary>
public static class JudgmentRules
{
    /// <summary>A judgment's orders: a handful (pay, return, perform); more is a runaway client.</summary>
    public const int MaxOrders = 50;

    /// <summary>A performance period a judgment sets, in days (the law sets none; a year bounds a typo).</summary>
    public const int MaxPerformDays = 365;

    /// <summary>A party's number in a case (the filing numbers them from 1; a case has at most a few dozen).</summary>
    public const int MaxPartyNumber = 999;

    /// <summary>An order's text, or an appeal's grounds, in characters.</summary>
    public const int MaxTextChars = 4_000;

    public static (CourtCase Case, CaseEvent Event) Issue(CourtCase c, Actor judge, DateTimeOffset now, JudgmentDraft d)
    {
        CaseTransitions.Target(c.Status, JudgmentActions.IssueJudgment);
        if (d.Kind == JudgmentKind.Judgment && c.Status != CaseStatus.Heard)
            throw new DomainRuleException("judgment-before-hearing",
                "A judgment decides the case once it has been heard (CPL arts. 139–155); a ruling or a mediation statement may end it "
                + "before.", "kind");
        if ((d.Kind == JudgmentKind.Ruling) != (d.Ground is not null))
            throw new DomainRuleException("ruling-ground", "A ruling says what it decides (`ground`); a judgment or mediation statement "
                + "does not.", "ground");
        if (c.FiledDocuments.FirstOrDefault(x => x.DocumentId == d.DocumentId) is not { Kind: DocumentKind.Judgment })
            throw new DomainRuleException("judgment-document-required",
                "The signed document is uploaded first, with kind `judgment`, and named by `documentId`.", "documentId");
        for (var i = 0; i < d.Orders.Count; i++) CheckOrder(c, d.Orders[i], i);
        LitigationCosts.Check(c, d.Kind, d.Ground, d.Costs);
        var judgment = new Judgment(d.JudgmentId, d.Kind, d.Ground, d.DocumentId, judge.UserId, now, d.Orders, d.Costs, d.TextSource,
            d.TextFailure, c.Parties.Select(p => p.PartyNumber).ToList(), null, [], [], null, [], []);
        return c.Transition(JudgmentActions.IssueJudgment, judge, now,
            $"{Title(d.Kind)} {d.JudgmentId} issued; served on every party "
            + (AppealPeriod.Days(d.Kind, d.Ground, c.Procedure) is { } days
                ? $"(each party may appeal within {days} days of its own service: {AppealPeriod.Source})"
                : $"({AppealPeriod.FinalBasis(d.Kind, c.Procedure)})"),
            x => x.WithJudgment(judgment));
    }

    private static void CheckOrder(CourtCase c, JudgmentOrder o, int index)
    {
        var field = $"orders[{index}]";
        if (c.Parties.All(p => p.PartyNumber != o.Debtor) || c.Parties.All(p => p.PartyNumber != o.Creditor))
            throw new DomainRuleException("order-party-unknown", $"The case has no party {o.Debtor} or {o.Creditor}.", field);
        if (o.Debtor == o.Creditor)
            throw new DomainRuleException("order-party-unknown", "An order's debtor and creditor are different parties.", field);
        if (o.Amount is { } amount && (amount <= 0m || decimal.Round(amount, 2) != amount))
            throw new DomainRuleException("order-amount-invalid", "An order's amount is yuan with at most two places, above zero.", field);
    }

    public static string Title(JudgmentKind kind) => kind switch
    {
        JudgmentKind.Judgment => "Judgment",
        JudgmentKind.Ruling => "Ruling",
        _ => "Mediation statement",
    };

    /// <summary>The judgment's service started on every party.</summary>
    public static (CourtCase Case, CaseEvent Event)? Sent(CourtCase c, DateTimeOffset now)
    {
        if (c.Judgment is not { SentAt: null } j) return null;
        return c.Record(JudgmentActions.SendJudgment, Actor.System, now, $"{Title(j.Kind)} {j.JudgmentId} sent for service on every party",
            x => x.WithJudgment(j with { SentAt = now }));
    }

    /// <summary>
    /// The judgment served on a party: its appeal period runs from this day. What cannot be appealed takes effect once every party
    /// has been served.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event)? Served(CourtCase c, string documentId, int partyNumber, DateTimeOffset servedAt,
        DeadlineCalculator deadlines)
    {
        if (c.Judgment is not { } j || j.DocumentId != documentId || j.ServiceOn(partyNumber) is not null) return null;
        var period = AppealPeriod.From(c, j, servedAt, deadlines);
        var service = new JudgmentServed(partyNumber, servedAt, period?.LastDay, period?.Provisional ?? false);
        var served = j with { Served = [.. j.Served, service] };
        var (recorded, e) = c.Record(JudgmentActions.JudgmentServed, Actor.System, servedAt,
            $"{Title(j.Kind)} {j.JudgmentId} served on party {partyNumber}"
            + (period is not null ? $"; it may appeal until {period.LastDay:yyyy-MM-dd}" : ""),
            x => x.WithJudgment(served));
        return recorded.Status == CaseStatus.JudgmentIssued && AppealPeriod.Days(j.Kind, j.Ground, c.Procedure) is null
            ? TakeEffect(recorded, servedAt, deadlines) ?? (recorded, e)
            : (recorded, e);
    }

    /// <summary>
    /// A party appeals (CPL art. 171): within its own period, counted from its own service; refused when the document cannot be
    /// appealed, before the party was served, after its period ended, or a second time.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event) FileAppeal(CourtCase c, Actor actor, DateTimeOffset now, int partyNumber,
        string grounds)
    {
        CaseTransitions.Target(c.Status, JudgmentActions.FileAppeal);
        var j = c.Judgment!;
        if (AppealPeriod.Days(j.Kind, j.Ground, c.Procedure) is null)
            throw new DomainRuleException("judgment-not-appealable",
                $"This {Title(j.Kind).ToLowerInvariant()} cannot be appealed ({AppealPeriod.FinalBasis(j.Kind, c.Procedure)}).");
        if (j.Appeals.Any(a => a.PartyNumber == partyNumber))
            throw new DomainRuleException("appeal-already-filed", $"Party {partyNumber} has appealed already.", "partyNumber");
        if (AppealPeriod.For(c, j, partyNumber) is not { } period)
            throw new DomainRuleException("appeal-before-service",
                $"Party {partyNumber}'s appeal period runs from the judgment's service on it ({AppealPeriod.Source}); it is not served yet.",
                "partyNumber");
        if (now >= period.EndsAt)
            throw new DomainRuleException("appeal-period-ended",
                $"Party {partyNumber}'s appeal period ended on {period.LastDay:yyyy-MM-dd} at 24:00 ({AppealPeriod.Source}; CPL art. 85).",
                "partyNumber");
        return c.Transition(JudgmentActions.FileAppeal, actor, now,
            $"Party {partyNumber} appealed within its period (until {period.LastDay:yyyy-MM-dd}); the second instance follows",
            x => x.WithJudgment(j with { Appeals = [.. j.Appeals, new Appeal(partyNumber, actor.UserId, now, grounds)] }));
    }

    /// <summary>
    /// The judgment takes effect when every party is served and, for what can be appealed, every period ended without an appeal:
    /// each order's performance deadline and the costs' instructions are fixed from that day. Null when it is not yet time.
    /// </summary>
    /// <summary>An order's last day: the effective day counted on by its days (CPL art. 85), or the effective day itself.</summary>
    private static PerformanceDeadline PerformBy(int index, JudgmentOrder o, DateOnly effectiveOn, DeadlineCalculator deadlines)
    {
        if (o.PerformWithinDays is not (> 0 and var days)) return new PerformanceDeadline(index, effectiveOn, false);
        var d = deadlines.Compute(effectiveOn, days, PeriodUnit.Days);
        return new PerformanceDeadline(index, d.LastDay, d.Provisional);
    }

    public static (CourtCase Case, CaseEvent Event)? TakeEffect(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Status != CaseStatus.JudgmentIssued || c.Judgment is not { } j || j.Appeals.Count > 0) return null;
        if (AppealPeriod.EffectiveOn(c, j) is not { } effective || now < effective.At) return null;
        var day = effective.Day;
        var performance = j.Orders.Select((o, i) => PerformBy(i, o, day, deadlines)).ToList();
        var effectiveJudgment = j with { EffectiveOn = day, Performance = performance };
        var costs = LitigationCosts.Instructions(c, effectiveJudgment, day, deadlines);
        effectiveJudgment = effectiveJudgment with { CostInstructions = costs };
        return c.Transition(JudgmentActions.TakeEffect, Actor.System, now,
            $"{Title(j.Kind)} {j.JudgmentId} effective on {day:yyyy-MM-dd}: "
            + (AppealPeriod.Days(j.Kind, j.Ground, c.Procedure) is null ? AppealPeriod.FinalBasis(j.Kind, c.Procedure)
                : "no party appealed within its period (CPL arts. 158, 171)"),
            x => x.WithJudgment(effectiveJudgment));
    }
}
