using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Enforcement;

/// <summary>One bank's part of an inquiry: its request, when it answered (none: silent), what it found or why it refused.</summary>
public sealed record InquiryBankView(string BankCode, string RequestId, DateTimeOffset? AnsweredAt, int AccountsFound, decimal BalanceFound,
    string? Refusal);

/// <summary>An asset inquiry: by whom and when, its answer period, the banks asked, when it closed and which banks never
/// answered.</summary>
public sealed record InquiryView(string InquiryId, string By, DateTimeOffset At, string AnswerBy, DateTimeOffset? ClosedAt,
    IReadOnlyList<InquiryBankView> Banks, IReadOnlyList<string> Silent)
{
    public static InquiryView Of(AssetInquiry i) => new(i.InquiryId, i.By, ChinaTime.ToChinaTime(i.At), i.AnswerBy.ToString("yyyy-MM-dd"),
        i.ClosedAt is { } closed ? ChinaTime.ToChinaTime(closed) : null,
        i.Banks.Select(b => new InquiryBankView(b.BankCode, b.RequestId, b.AnsweredAt is { } a ? ChinaTime.ToChinaTime(a) : null,
            b.AccountsFound, b.BalanceFound, b.Refusal)).ToList(),
        i.ClosedAt is null ? [] : i.Silent.Select(b => b.BankCode).ToList());
}

/// <summary>A freeze: its request, bank and account, the debtor, amounts asked, frozen and deducted, its last day and state.</summary>
public sealed record FreezeView(string RequestId, string BankCode, string AccountNumber, int Debtor, decimal Asked, decimal Frozen,
    decimal Deducted, string Until, string Status, string? Renews, DateTimeOffset? ReminderAt);

/// <summary>A deduction: its request, the freeze it takes from, the amount, its state and the bank's transaction.</summary>
public sealed record DeductionView(string RequestId, string FreezeRequestId, string BankCode, string AccountNumber, decimal Amount,
    string Status, string? BankTransactionId, string? Refusal);

/// <summary>A decision on a payout.</summary>
public sealed record PayoutDecisionView(string By, string Role, bool Approved, string? Reasons, DateTimeOffset At);

/// <summary>A payout: amount and payee, its state, the day its step is due (and if escalated), the decisions, its instruction and
/// result.</summary>
public sealed record PayoutView(string PayoutId, decimal Amount, string PayeeName, string PayeeAccount, string PayeeBank, string ProposedBy,
    DateTimeOffset ProposedAt, string Status, string StepDueBy, DateTimeOffset? EscalatedAt, IReadOnlyList<PayoutDecisionView> Decisions,
    string? RequestId, DateTimeOffset? PaidAt, string? BankTransactionId, string? Refusal);

/// <summary>A debtor on the dishonest list in this case: ground, term, the decision and its service, removal, the consumption
/// restriction.</summary>
public sealed record ListingView(int Debtor, string Ground, int ExtraYears, string Facts, string DecidedBy, DateTimeOffset DecidedAt,
    string? Until, string DocumentId, DateTimeOffset? SentAt, DateTimeOffset? RemovedAt, string? RemovalReason,
    DateTimeOffset? RestrictionSignedAt, DateTimeOffset? RestrictionLiftedAt, bool PublicListCurrent);

/// <summary>
/// An enforcement case in the case view: what it enforces (the original case and judgment, creditor and debtors by party number),
/// the amount to recover, the fee and what is owed in all, its account, when filed (and why flagged late), the notice, the money
/// received, performed directly, paid out and held, each measure, and the supervision flags.
/// </summary>
public sealed record EnforcementView(string OriginalCaseId, string OriginalCaseNumber, string JudgmentId, int Creditor,
    IReadOnlyList<int> Debtors, decimal AmountToRecover, decimal Fee, string FeeBasis, decimal Owed, string AccountNumber,
        DateTimeOffset FiledAt,
    string PerformanceLastDay, string? LateApplication, string NoticeDueBy, DateTimeOffset? NoticeSentAt, decimal Received,
    decimal PerformedDirectly, decimal PaidOut, decimal Held, string LimitLastDay, int UnsentRequests, int RepliesSetAside,
    DateTimeOffset? SupervisedSince, DateTimeOffset? LimitExceededAt, DateTimeOffset? PayoutOverdueSince,
    IReadOnlyList<InquiryView> Inquiries, IReadOnlyList<FreezeView> Freezes, IReadOnlyList<DeductionView> Deductions,
    IReadOnlyList<PayoutView> Payouts, IReadOnlyList<ListingView> Listings, DateTimeOffset? FullyPerformedAt)
{
    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } x ? ChinaTime.ToChinaTime(x) : null;

    public static EnforcementView Of(EnforcementSummary e) => new(e.OriginalCaseId, e.OriginalCaseNumber, e.JudgmentId, e.Creditor,
        e.Debtors, e.AmountToRecover, e.Fee, e.FeeBasis, e.Owed, e.AccountNumber, ChinaTime.ToChinaTime(e.FiledAt),
        e.PerformanceLastDay.ToString("yyyy-MM-dd"), e.LateApplication, e.NoticeDueBy.ToString("yyyy-MM-dd"), Local(e.NoticeSentAt),
        e.Received, e.PerformedDirectly, e.PaidOut, e.Held, e.LimitLastDay.ToString("yyyy-MM-dd"), e.Unsent.Count, e.RepliesSetAside,
        Local(e.SupervisedSince), Local(e.LimitExceededAt), Local(e.PayoutOverdueSince),
        e.Inquiries.Select(InquiryView.Of).ToList(),
        e.Freezes.Select(f => new FreezeView(f.RequestId, f.BankCode, f.AccountNumber, f.Debtor, f.Asked, f.Frozen, f.Deducted,
            f.Until.ToString("yyyy-MM-dd"), f.Status.WireName(), f.Renews, Local(f.ReminderAt))).ToList(),
        e.Deductions.Select(d => new DeductionView(d.RequestId, d.FreezeRequestId, d.BankCode, d.AccountNumber, d.Amount,
            d.Status.WireName(),
            d.BankTransactionId, d.Refusal)).ToList(),
        e.Payouts.Select(p => new PayoutView(p.PayoutId, p.Amount, p.Payee.Name, p.Payee.AccountNumber, p.Payee.BankName, p.ProposedBy,
            ChinaTime.ToChinaTime(p.ProposedAt), p.Status.WireName(), p.StepDueBy.ToString("yyyy-MM-dd"), Local(p.EscalatedAt),
            p.Decisions.Select(d => new PayoutDecisionView(d.By, d.Role, d.Approved, d.Reasons, ChinaTime.ToChinaTime(d.At))).ToList(),
            p.RequestId, Local(p.PaidAt), p.BankTransactionId, p.Refusal)).ToList(),
        e.Listings.Select(l => new ListingView(l.Debtor, l.Ground.WireName(), l.ExtraYears, l.Facts, l.DecidedBy,
            ChinaTime.ToChinaTime(l.DecidedAt), l.Until?.ToString("yyyy-MM-dd"), l.DocumentId, Local(l.SentAt), Local(l.RemovedAt),
            l.RemovalReason, Local(l.Restriction.SignedAt), Local(l.Restriction.LiftedAt), l.PublicListCurrent)).ToList(),
        Local(e.FullyPerformedAt));
}

/// <summary>On an original case: a creditor's application and the enforcement case it opened (its id and number, once opened).</summary>
public sealed record EnforcementApplicationView(int CreditorParty, string EnforcementCaseId, string? CaseNumber, DateTimeOffset AppliedAt,
    DateTimeOffset? OpenedAt);

/// <summary>The enforcement case a creditor's application opened, as the application's answer gives it.</summary>
public sealed record EnforcementCaseView(string CaseId, string CaseNumber, string Status, EnforcementView Enforcement)
{
    public static EnforcementCaseView Of(CourtCase c) => new(c.CaseId, c.CaseNumber!, c.Status.WireName(),
        EnforcementView.Of(c.Enforcement!));
}

public static class EnforcementViews
{
    public static IServiceCollection AddEnforcementViews(this IServiceCollection services)
    {
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<EnforcementView>("enforcement", (c, _) => c.Enforcement is { } e
            ? EnforcementView.Of(e)
            : null));
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<IReadOnlyList<EnforcementApplicationView>>("enforcementApplications",
            (c, _) => c.EnforcementApplications is { } a
                ? a.Items.Select(x => new EnforcementApplicationView(x.CreditorParty, x.EnforcementCaseId, x.CaseNumber,
                    ChinaTime.ToChinaTime(x.AppliedAt), x.OpenedAt is { } o ? ChinaTime.ToChinaTime(o) : null)).ToList()
                : null));
        return services;
    }
}
