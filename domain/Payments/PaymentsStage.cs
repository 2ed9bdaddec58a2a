using ECourt.Domain.Cases;

namespace ECourt.Domain.Payments;

/// <summary>
/// Payments: credits to the case's own account, suspense, statements and reconciliation, the court's funds. Credits
/// are rows of the case (its ledger), not a part of the snapshot; the stage keeps no deadline on the case (an unmatched
/// deposit's 3 working days are the suspense ledger's).
/// </summary>
public sealed class PaymentsStage : ICaseModule
{
    public string Name => "Payments";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [];

    public IEnumerable<string> KeptDeadlineKinds => [];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines) => [];

    public CourtCase Recompute(CourtCase c, Calendar.DeadlineReckoning reckoning) => c;
}
