using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Judgments;

/// <summary>
/// The judgments stage: issuing the judgment that ends the first instance, its service, appeals and its taking effect. Its
/// deadlines: the judgment's service started on every party (kept at once: the request serves it, the lifecycle finishes it after a
/// crash); each served party's appeal period (shown); the day the judgment takes effect when nobody appealed (kept at the end of the
/// last period); once effective, each order's performance deadline and a refund of the fee (shown: enforcement and finance act on
/// them).
/// </summary>
public sealed class JudgmentsStage : ICaseModule
{
    public const string JudgmentService = "judgment-service";

    public const string AppealPeriodKind = "appeal-period";

    public const string JudgmentEffect = "judgment-effect";

    public const string Performance = "performance";

    public const string CostsRefund = "costs-refund";

    public string Name => "Judgments";

    public IEnumerable<CaseAction> Actions => JudgmentActions.All;

    public IEnumerable<CasePart> Parts => [JudgmentParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [JudgmentService, JudgmentEffect];

    /// <summary>
    /// Each party's appeal period counted again while the judgment is not yet effective (never ending before the day the party was
    /// told); the days fixed when it took effect stay.
    /// </summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning)
    {
        if (c.Judgment is not { EffectiveOn: null } j) return c;
        var served = j.Served.Select(s =>
        {
            if (AppealPeriod.For(c, j, s.PartyNumber) is not { } told) return s;
            var again = reckoning.Again(AppealPeriodKind, told);
            return s with { AppealBy = again.LastDay, AppealByProvisional = again.Provisional };
        }).ToList();
        return c.WithJudgment(j with { Served = served });
    }

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Judgment is not { } j) yield break;
        var title = JudgmentRules.Title(j.Kind);
        if (j.SentAt is null && c.Status is CaseStatus.JudgmentIssued)
        {
            var day = ChinaTime.DateOf(j.IssuedAt);
            yield return new PendingDeadline(JudgmentService, day, ChinaTime.EndOfDay(day), false,
                $"CPL art. 151: {title} {j.JudgmentId} is served on every party", j.IssuedAt);
        }
        if (c.Status is CaseStatus.JudgmentIssued or CaseStatus.Appealed)
            foreach (var party in j.Recipients.Where(p => j.Appeals.All(a => a.PartyNumber != p)))
                if (AppealPeriod.For(c, j, party) is { } period && now < period.EndsAt)
                    yield return PendingDeadline.Shown(AppealPeriodKind, period, $"{AppealPeriod.Source}: party {party} may appeal");
        if (c.Status == CaseStatus.JudgmentIssued && j.Appeals.Count == 0 && AppealPeriod.Days(j.Kind, j.Ground, c.Procedure) is not null
            && AppealPeriod.EffectiveOn(c, j) is { } effective)
            yield return new PendingDeadline(JudgmentEffect, effective.Day.AddDays(-1), effective.At, effective.Provisional,
                $"CPL arts. 158, 171: {title} {j.JudgmentId} takes effect on {effective.Day:yyyy-MM-dd} if no party appeals",
                effective.At);
        if (c.Status != CaseStatus.Effective) yield break;
        foreach (var p in j.Performance)
        {
            var order = j.Orders[p.Order];
            yield return new PendingDeadline(Performance, p.LastDay, ChinaTime.EndOfDay(p.LastDay), p.Provisional,
                $"{title} {j.JudgmentId}, order {p.Order + 1}: party {order.Debtor} performs for party {order.Creditor} "
                + (order.PerformWithinDays is { } d and > 0 ? $"within {d} days of {j.EffectiveOn:yyyy-MM-dd}" : "on its taking effect")
                + " (CPL art. 247: enforcement may be applied for after it)", null);
        }
        foreach (var refund in j.CostInstructions.Where(i => i.Kind == CostInstructionKind.Refund && i.DueOn is not null))
            yield return new PendingDeadline(CostsRefund, refund.DueOn!.Value, ChinaTime.EndOfDay(refund.DueOn.Value), false,
                $"{LitigationCosts.RefundBasis}: {refund.Amount:0.00} yuan to party {refund.ToParty}", null);
    }
}
