using ECourt.Domain.Cases;
using ECourt.Domain.Money;

namespace ECourt.Domain.Fees;

/// <summary>
/// A judge converts a case in simplified or small-claims procedure to ordinary procedure (CPL arts. 170,
/// 169; SPC CPL Interpretation art. 140 when service needs public notice): the halved acceptance fee
/// becomes the full fee, and the difference is to be topped up (Measures on Payment of Litigation Costs).
/// A reduction the judge granted stays granted: fee aid reduces the fee by a share of it (Measures
/// arts. 44–48), so the full fee is reduced by the same share; a waiver stays a waiver.
/// </summary>
public sealed class ProcedureConversion(Func<string, Courts.Court> courts)
{
    public (CourtCase Case, CaseEvent Event) ToOrdinary(CourtCase c, Actor judge, DateTimeOffset at, IReadOnlyList<string> reasons)
    {
        if (c.Procedure == Procedure.Ordinary)
            throw new DomainRuleException("already-ordinary-procedure", "The case is already in ordinary procedure.");
        if (c.CaseNumber is null || c.Status.IsFinal())
            throw new DomainRuleException("case-not-registered", $"The case is {c.Status}; only a registered case changes procedure.");
        if (reasons.Count == 0) throw new DomainRuleException("reasons-required", "A conversion states its reasons.", "reasons");
        var schedule = new FeeSchedule(courts(c.Court).FeeFigures);
        var full = schedule.Quote(c.CaseType, c.ClaimAmount, Procedure.Ordinary);
        var notice = c.FeeNotice;
        var (due, basis) = (full.Fee, full.Basis);
        if (GrantedReduction(c) is { } reduced)
        {
            // The share of the fee the party was granted to pay, applied to the full fee.
            var reducedFrom = schedule.Quote(c.CaseType, c.ClaimAmount, c.Procedure).Fee;
            due = Yuan.RoundToFen(full.Fee * reduced / reducedFrom);
            basis += $"; reduced by fee aid to the share granted ({Yuan.Format(reduced)} of {Yuan.Format(reducedFrom)})";
        }
        var newNotice = notice is null || notice.Waived ? notice : notice with { AmountDue = Math.Max(due, notice.AmountDue), Basis = basis };
        var topUp = newNotice is null ? 0m : Math.Max(0m, newNotice.AmountDue - newNotice.AmountPaid);
        var reason = $"Converted from {c.Procedure} to ordinary procedure: {string.Join("; ", reasons)}"
            + (notice is null || notice.Waived ? "" : $"; acceptance fee now {Yuan.Format(newNotice!.AmountDue)}, to top up {Yuan.Format(topUp)}");
        return c.Record("ConvertToOrdinaryProcedure", judge, at, reason, x => (x with { Procedure = Procedure.Ordinary }).With(newNotice));
    }

    /// <summary>The fee due after a granted reduction, if the judge granted one.</summary>
    private static decimal? GrantedReduction(CourtCase c) =>
        c.FeeAid is { Kind: FeeAidKind.Reduce, Decision: { Outcome: FeeAidOutcome.Granted, ReducedAmount: { } reduced } } ? reduced : null;
}
