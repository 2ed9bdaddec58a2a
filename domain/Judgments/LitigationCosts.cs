using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Judgments;

/// <summary>
/// The costs order (Measures on Payment of Litigation Costs): the acceptance fee finally due is the fee notice's, halved when the case
/// ends by mediation or an approved withdrawal (art. 15), once only: a fee already halved under simplified procedure (art. 16) is
/// not halved again. The shares the judgment allocates (art. 29) add up to that fee. Once it takes effect the plaintiff who prepaid
/// it is refunded what it paid beyond the fee within 15 days (art. 53); a share another party bears is paid by it to the plaintiff
/// who prepaid it (the court keeps no fee it was paid and refunds nothing for that share), and to the court as far as nobody
/// prepaid it.
/// </summary>
public static class LitigationCosts
{
    public const int RefundDays = 15;

    public const string RefundBasis = "Measures on Payment of Litigation Costs art. 53: refunded within 15 days of the judgment taking effect";

    public const string ShareBasis = "Measures on Payment of Litigation Costs art. 29: the share of the fee the judgment allocates";

    /// <summary>Whether the way the case ends halves the acceptance fee (Measures art. 15).</summary>
    public static bool Halves(JudgmentKind kind, RulingGround? ground) =>
        kind == JudgmentKind.Mediation || (kind == JudgmentKind.Ruling && ground == RulingGround.Withdrawal);

    /// <summary>The acceptance fee finally due: the notice's (none when waived), halved once for mediation or withdrawal.</summary>
    public static decimal FeeDue(CourtCase c, JudgmentKind kind, RulingGround? ground)
    {
        if (c.FeeNotice is not { } notice || notice.Waived) return 0m;
        var alreadyHalved = c.Procedure is Procedure.Simplified or Procedure.SmallClaims;
        return Halves(kind, ground) && !alreadyHalved
            ? decimal.Round(notice.AmountDue / 2m, 2, MidpointRounding.AwayFromZero)
            : notice.AmountDue;
    }

    /// <summary>Refuses shares for unknown parties, twice for one party, or that do not add up to the fee due.</summary>
    public static void Check(CourtCase c, JudgmentKind kind, RulingGround? ground, IReadOnlyList<CostShare> shares)
    {
        foreach (var s in shares)
        {
            if (c.Parties.All(p => p.PartyNumber != s.PartyNumber))
                throw new DomainRuleException("costs-party-unknown", $"The case has no party {s.PartyNumber}.", "costs");
            if (s.Amount < 0m || decimal.Round(s.Amount, 2) != s.Amount)
                throw new DomainRuleException("costs-amount-invalid",
                    "A share of the fee is yuan with at most two places, not negative.", "costs");
        }
        if (shares.GroupBy(s => s.PartyNumber).Any(g => g.Count() > 1))
            throw new DomainRuleException("costs-party-twice", "Each party's share of the fee is given once.", "costs");
        var due = FeeDue(c, kind, ground);
        var allocated = shares.Sum(s => s.Amount);
        if (allocated != due)
            throw new DomainRuleException("costs-must-equal-fee",
                $"The shares allocate {allocated:0.00} yuan; the acceptance fee due is {due:0.00} yuan (Measures arts. 15, 16, 29: "
                + "the notice's fee, halved once on mediation or withdrawal).", "costs");
    }

    /// <summary>The instructions once the judgment takes effect on <paramref name="effectiveOn"/>.</summary>
    public static IReadOnlyList<CostInstruction> Instructions(CourtCase c, Judgment j, DateOnly effectiveOn, DeadlineCalculator deadlines)
    {
        var payer = c.Parties.FirstOrDefault(p => p.Role == PartyRole.Plaintiff);
        var paid = c.FeeNotice is { Waived: false } notice ? notice.AmountPaid : 0m;
        var due = FeeDue(c, j.Kind, j.Ground);
        var list = new List<CostInstruction>();
        if (payer is not null && paid > due)
            list.Add(new CostInstruction(CostInstructionKind.Refund, null, payer.PartyNumber, paid - due,
                deadlines.Compute(effectiveOn, RefundDays, PeriodUnit.Days).LastDay, RefundBasis));
        // What the payer prepaid covers its own share first, then the others' in order: each pays it back to the payer.
        var prepaidLeft = Math.Max(0m, Math.Min(paid, due) - (j.Costs.FirstOrDefault(s => s.PartyNumber == payer?.PartyNumber)?.Amount
            ?? 0m));
        foreach (var share in j.Costs.Where(s => s.PartyNumber != payer?.PartyNumber && s.Amount > 0m).OrderBy(s => s.PartyNumber))
        {
            var toPayer = Math.Min(prepaidLeft, share.Amount);
            prepaidLeft -= toPayer;
            if (toPayer > 0m) list.Add(new CostInstruction(CostInstructionKind.Payment, share.PartyNumber, payer!.PartyNumber, toPayer,
                null, ShareBasis));
            if (share.Amount - toPayer > 0m)
                list.Add(new CostInstruction(CostInstructionKind.Payment, share.PartyNumber, null, share.Amount - toPayer, null,
                    ShareBasis));
        }
        return list;
    }
}
