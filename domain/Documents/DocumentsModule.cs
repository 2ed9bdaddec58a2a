using ECourt.Domain.Cases;

namespace ECourt.Domain.Documents;

/// <summary>Documents, a concept every stage uses: their part of the snapshot; no actions or deadlines of their own.</summary>
public sealed class DocumentsModule : ICaseModule
{
    public string Name => "Documents";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [DocumentParts.Documents];

    public IEnumerable<string> KeptDeadlineKinds => [];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, Calendar.DeadlineCalculator deadlines) => [];

    public CourtCase Recompute(CourtCase c, Calendar.DeadlineReckoning reckoning) => c;
}
