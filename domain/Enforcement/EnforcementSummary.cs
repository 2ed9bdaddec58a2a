using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// An enforcement case as its snapshot keeps it (the part "enforcement"): what it enforces (the original case, its judgment, the
/// creditor and debtors by their party numbers in this case), the amount to recover and the enforcement fee (collected from the
/// debtor, Measures art. 20), its account, when it was filed and whether late, the notice to the debtor, the money received,
/// performed directly and paid out, and the court's measures in flight. The measures are few per case (one entry per bank asked,
/// per account frozen, per payout), so they stay in the snapshot, where the deadlines they give are read; the banks' answers and the
/// requests themselves are rows.
/// </summary>
public sealed record EnforcementSummary(
    string OriginalCaseId,
    string OriginalCaseNumber,
    string JudgmentId,
    int Creditor,
    IReadOnlyList<int> Debtors,
    decimal AmountToRecover,
    decimal Fee,
    string FeeBasis,
    string AccountNumber,
    DateTimeOffset FiledAt,
    DateOnly PerformanceLastDay,
    string? LateApplication,
    DateOnly NoticeDueBy,
    DateTimeOffset? NoticeSentAt,
    DateOnly LimitLastDay)
{
    /// <summary>Credits booked to the case's account, each with the day finance was told of it (the 30 days run from it).</summary>
    public IReadOnlyList<FundsArrival> Arrivals { get; init; } = [];

    /// <summary>Performance the creditor confirmed having received directly from the debtor (counts like money received).</summary>
    public IReadOnlyList<DirectPayment> DirectPayments { get; init; } = [];

    public decimal PerformedDirectly => DirectPayments.Sum(p => p.Amount);

    /// <summary>The approved deferral of the payout deadline, while it lasts (法发〔2017〕6号 art. 17), with its reason.</summary>
    public PayoutDeferral? Deferral { get; init; }

    /// <summary>Closed for now (终结本次执行): when, on what ruling, when the creditor was heard; and reopenings since.</summary>
    public ClosedForNow? ClosedForNow { get; init; }

    /// <summary>The president extended the time limit by 3 months (who, when).</summary>
    public string? LimitExtendedBy { get; init; }

    public decimal PaidOut { get; init; }

    public int RequestsMade { get; init; }

    /// <summary>Requests written to the outbox and not yet sent to their banks.</summary>
    public IReadOnlyList<string> Unsent { get; init; } = [];

    public IReadOnlyList<AssetInquiry> Inquiries { get; init; } = [];

    public IReadOnlyList<Freeze> Freezes { get; init; } = [];

    public IReadOnlyList<Deduction> Deductions { get; init; } = [];

    public IReadOnlyList<Payout> Payouts { get; init; } = [];

    /// <summary>The debtors put on the dishonest list in this case (one listing in force per debtor).</summary>
    public IReadOnlyList<DishonestListing> Listings { get; init; } = [];

    /// <summary>When the money received and performed directly first covered everything owed (the 3 working days of removal run from
    /// it).</summary>
    public DateTimeOffset? FullyPerformedAt { get; init; }

    /// <summary>Replies refused or ignored, with the reason (late, duplicate, unknown, larger than asked): counted for the file.</summary>
    public int RepliesSetAside { get; init; }

    /// <summary>The day the officer last acted; supervision flags the case for the division head after the configured working
    /// days.</summary>
    public DateTimeOffset LastActionAt { get; init; }

    public DateOnly SuperviseFrom { get; init; }

    public DateTimeOffset? SupervisedSince { get; init; }

    public DateTimeOffset? LimitExceededAt { get; init; }

    public DateTimeOffset? PayoutOverdueSince { get; init; }

    public decimal Received => Arrivals.Sum(a => a.Amount);

    /// <summary>What the debtor owes in all: the amount to recover and the enforcement fee.</summary>
    public decimal Owed => AmountToRecover + Fee;

    /// <summary>What the debtor has performed: money received and performance made directly to the creditor.</summary>
    public decimal Performed => Received + PerformedDirectly;

    public bool PerformedInFull => Performed >= Owed;

    /// <summary>The creditor's share of the money received (the fee is the court's, taken last), less what was paid out.</summary>
    public decimal Held => Math.Max(0m, Math.Min(Received, AmountToRecover - PerformedDirectly) - PaidOut);

    /// <summary>Held and not yet in a payout being approved or sent.</summary>
    public decimal Available => Held - Payouts.Where(p => p.IsOpen).Sum(p => p.Amount);

    /// <summary>Deducted by a bank and not yet credited to the case's account: the money on its way (matched by the bank's
    /// transaction).</summary>
    public decimal InTransit => Deductions.Where(d => d.Status == DeductionStatus.Deducted
        && !Arrivals.Any(a => a.EntryId == $"{d.BankCode}:{d.BankTransactionId}")).Sum(d => d.Amount);

    /// <summary>What frozen accounts still hold for the case, and what is on its way from them.</summary>
    public decimal Secured => Freezes.Where(f => f.Secures).Sum(f => f.Secured) + InTransit;

    /// <summary>What the court controls for the case: accounts frozen (not merely asked) and money on its way from them.</summary>
    public decimal Controlled => Freezes.Where(f => f.IsInForce).Sum(f => f.Secured) + InTransit;

    /// <summary>What freezes may still secure: never more than is owed and not yet performed (SPC Interpretation art. 485).</summary>
    public decimal FreezeRoom => Math.Max(0m, Owed - Performed - Secured);
}

/// <summary>A credit to the case's account: how much, its bank transaction, and the day finance was told it arrived.</summary>
public sealed record FundsArrival(string EntryId, decimal Amount, DateOnly NoticedOn);

public static class EnforcementParts
{
    public static readonly CasePart Summary = CasePart.Of<EnforcementSummary>("enforcement");

    public static readonly CasePart Applications = CasePart.Of<EnforcementApplications>("enforcementApplications");

    extension(CourtCase c)
    {
        /// <summary>The enforcement case's own record; null on any other case.</summary>
        public EnforcementSummary? Enforcement => c.Part<EnforcementSummary>();

        public CourtCase WithEnforcement(EnforcementSummary summary) => c.With(summary);

        /// <summary>On an original case: the creditors' applications and the enforcement cases they opened.</summary>
        public EnforcementApplications? EnforcementApplications => c.Part<EnforcementApplications>();

        public bool IsEnforcementCase => c.CaseType == FeeCaseType.Enforcement;
    }
}

/// <summary>On the original case: each creditor's application, and the enforcement case it opened (the link back).</summary>
public sealed record EnforcementApplications(IReadOnlyList<EnforcementApplication> Items);

/// <summary>One creditor's application, recorded before its enforcement case is opened; opened once the case exists.</summary>
public sealed record EnforcementApplication(int CreditorParty, string EnforcementCaseId, string AppliedBy, DateTimeOffset AppliedAt,
    string? CaseNumber, DateTimeOffset? OpenedAt);
