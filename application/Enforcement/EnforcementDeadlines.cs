using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Keeps the enforcement case's deadlines as of court time: an inquiry's answer period closes it, a freeze's reminder and term remind
/// or lapse it, a late approval step is escalated, funds not paid out in 30 days are flagged, an idle case or one past its limit is
/// flagged for supervision, debtors are taken off the dishonest list once the debt is performed or their term ended, and a case
/// performed and paid out closes. Each decides on the case as it is: a case that moved on is left.
/// </summary>
public sealed class EnforcementDeadlines(CaseChanges changes, CaseSignals signals, DeadlineCalculator deadlines, TimeProvider clock)
    : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds =>
    [
        EnforcementStage.InquiryAnswers, EnforcementStage.FreezeRenewal, EnforcementStage.FreezeExpiry, EnforcementStage.PayoutApprovalStep,
        EnforcementStage.PayoutDue, EnforcementStage.TimeLimit, EnforcementStage.Supervision, EnforcementStage.Closing,
        EnforcementStage.DishonestRemoval, EnforcementStage.DishonestTerm,
    ];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct)
    {
        var applied = await changes.ApplyWithOutcomeAsync(caseId, c =>
        {
            var now = clock.GetUtcNow();
            return CaseChange.Of(kind switch
            {
                EnforcementStage.InquiryAnswers => AssetInquiries.CloseDue(c, now),
                EnforcementStage.FreezeRenewal or EnforcementStage.FreezeExpiry => Freezes.Keep(c, now),
                EnforcementStage.PayoutApprovalStep => Payouts.Escalate(c, now),
                EnforcementStage.PayoutDue => EnforcementFunds.FlagOverdue(c, now, deadlines),
                EnforcementStage.TimeLimit or EnforcementStage.Supervision => EnforcementSupervision.Keep(c, now),
                EnforcementStage.Closing => EnforcementClosing.CloseIfDone(c, now),
                EnforcementStage.DishonestRemoval or EnforcementStage.DishonestTerm => DishonestList.Keep(c, now),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an enforcement deadline."),
            });
        }, ct);
        if (applied.Changed) await signals.CaseChangedAsync(applied.Case.Case, kind, ct);
    }
}
