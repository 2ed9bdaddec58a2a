namespace ECourt.Domain.Enforcement;

/// <summary>
/// The court's own figures for enforcement (its local rules, configured): the payout amount above which the president approves
/// too, how long banks have to answer an inquiry, how long each approval step may take, after how many working days without an
/// act a case is supervised, the banks it asks and the court's own bank, which pays out.
/// </summary>
public sealed record EnforcementPolicy(
    decimal PresidentApprovalAbove,
    int InquiryAnswerDays,
    int ApprovalStepWorkingDays,
    int SupervisionWorkingDays,
    IReadOnlyList<string> Banks,
    string CourtBank)
{
    public static readonly EnforcementPolicy Default = new(500_000m, 7, 3, 30, ["ICBC", "CCB", "ABC", "BOC"], "ICBC");
}
