using ECourt.Domain.Calendar;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The enforcement time limits (DOMAIN.md "Enforcement: details"): the application period, the notice to the debtor, the case's
/// limit of 6 months (3 more with the president's approval), funds paid out within 30 days, and freeze terms.
/// </summary>
public static class EnforcementTimeLimits
{
    public const string ApplicationSource = "CPL art. 250; SPC Interpretation art. 481";

    public const string NoticeSource = "SPC Interpretation art. 480; SPC Provisions on Property Investigation in Enforcement (2017) art. 3";

    public const string LimitSource = "SPC Several Provisions on Enforcement Time Limits (2006) art. 1";

    public const string PayoutSource = "SPC Provisions on the Management of Enforcement Funds and Property (法发〔2017〕6号) art. 17";

    public const string FreezeSource = "SPC Interpretation art. 485";

    /// <summary>
    /// The last day to apply: 2 years from the last day of the performance period (CPL art. 250), counted by CPL art. 85 from the
    /// day after. A later application is still accepted (the period can be suspended or interrupted) and flagged.
    /// </summary>
    public static Deadline ApplicationPeriod(DeadlineCalculator deadlines, DateOnly performanceLastDay) =>
        deadlines.Compute(performanceLastDay, 24, PeriodUnit.Months);

    /// <summary>The notice of enforcement and the order to report assets go out within 10 days of the application.</summary>
    public static Deadline Notice(DeadlineCalculator deadlines, DateOnly filed) => deadlines.Compute(filed, 10, PeriodUnit.Days);

    /// <summary>An enforcement case is closed within 6 months of filing (counted by CPL art. 85); the president may extend it by
    /// 3.</summary>
    public static Deadline Limit(DeadlineCalculator deadlines, DateOnly filed, bool extended) =>
        deadlines.Compute(filed, extended ? 9 : 6, PeriodUnit.Months);

    /// <summary>Funds are paid out within 30 days of finance's notice of their arrival.</summary>
    public static Deadline Payout(DeadlineCalculator deadlines, DateOnly noticed) => deadlines.Compute(noticed, 30, PeriodUnit.Days);

    /// <summary>A bank deposit is frozen for at most one year (SPC Interpretation art. 485): from the day frozen, to that date a year
    /// on.</summary>
    public static DateOnly LongestDepositFreeze(DateOnly frozenOn) => frozenOn.AddYears(1);
}
