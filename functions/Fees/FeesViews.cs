using ECourt.Domain.Calendar;
using ECourt.Domain.Fees;
using ECourt.Domain.Money;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Fees;

/// <summary>The fee notice as clients read it: money as strings, the period's last day and end in court time.</summary>
public sealed record FeeNoticeView(string AccountNumber, string AmountDue, string AmountPaid, string AmountPaidInTime, string Overpaid,
    string? DueDate, DateTimeOffset? PeriodEndsAt, bool Provisional, string? ServedOn, bool Paid, bool Waived, string Basis, DateTimeOffset IssuedAt)
{
    public static FeeNoticeView From(FeeNotice n) => new(n.AccountNumber, Yuan.Format(n.AmountDue), Yuan.Format(n.AmountPaid), Yuan.Format(n.AmountPaidInTime),
        Yuan.Format(n.Overpaid), n.DueDate?.ToString("yyyy-MM-dd"), n.PeriodEndsAt is { } e ? ChinaTime.ToChinaTime(e) : null, n.DueDateProvisional,
        n.ServedOn?.ToString("yyyy-MM-dd"), n.Paid, n.Waived, n.Basis, ChinaTime.ToChinaTime(n.IssuedAt));
}

/// <param name="DecisionServedOn">the day the decision was served on the applicant: what remains is due counting from the day after</param>
public sealed record FeeAidView(FeeAidKind Kind, IReadOnlyList<string> Reasons, DateTimeOffset AppliedAt, bool Pending, FeeAidOutcome? Decision, string? ReducedAmount,
    string? DeferredUntil, string? DecisionServedOn)
{
    public static FeeAidView From(FeeAid a) => new(a.Kind, a.Reasons, ChinaTime.ToChinaTime(a.AppliedAt), a.Pending,
        a.Decision?.Outcome, a.Decision?.ReducedAmount is { } r ? Yuan.Format(r) : null, a.Decision?.DeferredUntil?.ToString("yyyy-MM-dd"),
        a.Decision?.Service?.ServedOn?.ToString("yyyy-MM-dd"));
}

public static class FeesViews
{
    public static IServiceCollection AddFeesViews(this IServiceCollection services)
    {
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<FeeNoticeView>("feeNotice", (c, _) => c.FeeNotice is { } n ? FeeNoticeView.From(n) : null));
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<FeeAidView>("feeAid", (c, _) => c.FeeAid is { } a ? FeeAidView.From(a) : null));
        // Their reasons tell the fee, the account and what was paid; an application's kind and the decision on it.
        services.AddEventsOfPart("feeNotice", "FeeNoticeServed", "RecordFeeCredit", FeesActions.SettleFee.Name,
            FeesActions.FlagFeeOverdue.Name, "ConvertToOrdinaryProcedure");
        services.AddEventsOfPart("feeAid", FeesActions.ApplyForFeeAid.Name, FeesActions.DecideFeeAid.Name, FeesActions.WaiveFee.Name,
            "SendFeeAidDecision", "FeeAidDecisionServed");
        return services;
    }
}
