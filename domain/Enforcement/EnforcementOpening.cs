using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.Judgments;
using ECourt.Domain.Numbering;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// A creditor's application for enforcement and the enforcement case it opens (CPL arts. 247, 250). The creditor (or one acting for
/// it) applies on the original case once the judgment is effective and a money order for it is past its performance deadline; the
/// amount to recover is the sum of those orders. An application more than 2 years after the last day of performance is still
/// accepted and flagged: the period can be suspended or interrupted, and only the debtor's objection defeats it (SPC Interpretation
/// art. 481). The enforcement case is a case of its own: its number with the enforcement type code, its account, the creditor as
/// its first party and the debtors after, the enforcement fee computed (collected from the debtor, Measures art. 20).
/// </summary>
public static class EnforcementOpening
{
    /// <summary>What the application enforces, read from the judgment's orders for this creditor.</summary>
    public sealed record Terms(int Creditor, IReadOnlyList<int> Debtors, decimal Amount, DateOnly PerformanceLastDay, string? Late);

    /// <summary>The application refused where the rules refuse it, else what it enforces.</summary>
    public static Terms Check(CourtCase original, int creditor, DateTimeOffset at, DeadlineCalculator deadlines)
    {
        CaseTransitions.Target(original.Status, EnforcementActions.ApplyForEnforcement);
        if (original.EnforcementApplications?.Items.Any(a => a.CreditorParty == creditor) == true)
            throw new DomainRuleException("enforcement-already-applied",
                $"Party {creditor} has applied for enforcement of this judgment already; its enforcement case is open.");
        return TermsOf(original, creditor, at, deadlines);
    }

    /// <summary>What an application made at <paramref name="at"/> enforces (read again when its case is opened after a crash).</summary>
    public static Terms TermsOf(CourtCase original, int creditor, DateTimeOffset at, DeadlineCalculator deadlines)
    {
        var j = original.Judgment ?? throw new DomainRuleException("no-effective-judgment",
            "The case has no effective judgment to enforce.");
        var today = ChinaTime.DateOf(at);
        var due = j.Performance.Where(p => j.Orders[p.Order].Creditor == creditor && j.Orders[p.Order].Amount is > 0m).ToList();
        if (due.Count == 0)
            throw new DomainRuleException("nothing-to-enforce",
                $"The judgment orders no payment of money to party {creditor}; enforcement here recovers money (CPL art. 247).",
                    "partyNumber");
        var passed = due.Where(p => p.LastDay < today).ToList();
        if (passed.Count == 0)
            throw new DomainRuleException("performance-period-running",
                $"The debtor may still perform until {due.Min(p => p.LastDay):yyyy-MM-dd}; enforcement is applied for after it (CPL "
                    + $"art. 247).");
        var lastDay = passed.Max(p => p.LastDay);
        var period = EnforcementTimeLimits.ApplicationPeriod(deadlines, lastDay);
        var late = today > period.LastDay
            ? $"Applied after the 2-year period ended on {period.LastDay:yyyy-MM-dd} ({EnforcementTimeLimits.ApplicationSource}): "
                + $"accepted, "
                + "as the period may have been suspended or interrupted; only the debtor's objection defeats it"
            : null;
        var debtors = passed.Select(p => j.Orders[p.Order].Debtor).Distinct().Order().ToList();
        return new Terms(creditor, debtors, passed.Sum(p => j.Orders[p.Order].Amount!.Value), lastDay, late);
    }

    /// <summary>The application recorded on the original case, before its enforcement case is opened (opened by its id after a
    /// crash).</summary>
    public static (CourtCase Case, CaseEvent Event) Apply(CourtCase original, Actor applicant, Terms terms, string enforcementCaseId,
        DateTimeOffset at)
    {
        var items = original.EnforcementApplications?.Items ?? [];
        var application = new EnforcementApplication(terms.Creditor, enforcementCaseId, applicant.UserId, at, null, null);
        return original.Transition(EnforcementActions.ApplyForEnforcement, applicant, at,
            $"Party {terms.Creditor} applied for enforcement of {terms.Amount:0.00} yuan" + (terms.Late is null ? "" : " (late: flagged)"),
            c => c.With(new EnforcementApplications([.. items, application])));
    }

    /// <summary>The enforcement case: created enforcing, with its number, account, fee, parties and deadlines.</summary>
    public static (CourtCase Case, CaseEvent Event) Open(CourtCase original, EnforcementApplication application, Terms terms,
        CaseNumber number, string account, FeeQuote fee, DateTimeOffset at, DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        var creditor = original.Parties.Single(p => p.PartyNumber == terms.Creditor);
        var parties = new List<Party> { creditor with { PartyNumber = 1, Role = PartyRole.Plaintiff } };
        foreach (var (debtor, i) in terms.Debtors.Select((d, i) => (original.Parties.Single(p => p.PartyNumber == d), i)))
            parties.Add(debtor with { PartyNumber = i + 2, Role = PartyRole.Defendant });
        // Filed when applied for: the notice's 10 days and the time limit run from the application, however late the case is opened.
        var filedAt = application.AppliedAt;
        var filed = ChinaTime.DateOf(filedAt);
        var summary = new EnforcementSummary(original.CaseId, original.CaseNumber!, original.Judgment!.JudgmentId, 1,
            Enumerable.Range(2, terms.Debtors.Count).ToList(), terms.Amount, fee.Fee, fee.Basis, account, filedAt, terms.PerformanceLastDay,
            terms.Late, EnforcementTimeLimits.Notice(deadlines, filed).LastDay, null,
            EnforcementTimeLimits.Limit(deadlines, filed, extended: false).LastDay)
        {
            LastActionAt = filedAt,
            SuperviseFrom = deadlines.Compute(filed, supervisionWorkingDays, PeriodUnit.WorkingDays).LastDay,
        };
        var opened = new CourtCase(application.EnforcementCaseId, original.Court, FeeCaseType.Enforcement, Procedure.Ordinary,
            original.Cause, terms.Amount, $"申请执行{original.CaseNumber}：{terms.Amount:0.00}元", "", parties,
            application.AppliedBy, $"enforcement/{original.CaseId}", at, CaseStatus.Enforcing, 1, number.ToString(),
                at).WithEnforcement(summary);
        return (opened, new CaseEvent(1, EnforcementActions.OpenEnforcement.Name, application.AppliedBy, "system", at, null,
            CaseStatus.Enforcing,
                $"Enforcement of {original.CaseNumber} opened as {number} for {terms.Amount:0.00} yuan; fee {fee.Fee:0.00} "
            + $"({fee.Basis})" + (terms.Late is null ? "" : $"; {terms.Late}")));
    }

    /// <summary>The link back: the original case names the enforcement case its application opened.</summary>
    public static (CourtCase Case, CaseEvent Event)? Opened(CourtCase original, string enforcementCaseId, string caseNumber,
        DateTimeOffset at)
    {
        var items = original.EnforcementApplications?.Items ?? [];
        if (items.FirstOrDefault(a => a.EnforcementCaseId == enforcementCaseId) is not { OpenedAt: null } open) return null;
        var list = items.Select(a => a == open ? a with { CaseNumber = caseNumber, OpenedAt = at } : a).ToList();
        return original.Record("EnforcementOpened", Actor.System, at,
            $"Enforcement case {caseNumber} opened for party {open.CreditorParty}",
            c => c.With(new EnforcementApplications(list)));
    }
}
