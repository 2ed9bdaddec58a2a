using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Parties;

/// <summary>Consent to online proceedings, a concept every stage with an online activity reads: its part of the snapshot.</summary>
public sealed class OnlineConsentModule : ICaseModule
{
    public string Name => "OnlineConsent";

    public IEnumerable<CaseAction> Actions => [];

    public IEnumerable<CasePart> Parts => [OnlineConsents.Part];

    public IEnumerable<string> KeptDeadlineKinds => [];

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines) => [];

    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning) => c;
}
