
namespace ECourt.Domain.Courts;

/// <summary>
/// A court served by this deployment. <see cref="Code"/> is the code used in case numbers
/// (for example 黑01, the Harbin Intermediate People's Court). <see cref="SettlementAccountPrefix"/>
/// leads every case account number under the court's settlement account.
/// </summary>
public sealed record Court(
    string Code,
    string Name,
    string SettlementAccountPrefix,
    CourtFeeFigures FeeFigures,
    CourtLocalRules LocalRules);

/// <summary>
/// The time limits the law leaves to the court. Statutory periods are not here: each is a constant of the rule that
/// keeps it (the filing review's 7 days, the fee's 7 days, the complaint's 5-day dispatch) and cannot be configured.
/// </summary>
/// <param name="CorrectionCureDays">Days given to cure the defects listed in a correction notice.</param>
/// <param name="FeeGraceWorkingDays">Working days after the fee period ends before the ledger is read
/// again, so that credits booked in time but reported late still count (time in transit).</param>
public sealed record CourtLocalRules(int CorrectionCureDays, int FeeGraceWorkingDays);
