using ECourt.Domain.Cases;

namespace ECourt.Domain;

/// <summary>
/// The modules of the case: one line per stage (and per shared concept with a part in the snapshot). A new stage adds
/// its line here; the core reads transitions, parts and deadlines from this list and knows no stage itself.
/// </summary>
public static class CaseModules
{
    /// <summary>The stages of the lifecycle, in its order.</summary>
    public static IReadOnlyList<ICaseModule> Stages { get; } =
    [
        new Filing.FilingStage(),
        new Fees.FeesStage(),
        new Payments.PaymentsStage(),
        new ServiceOfProcess.ServiceOfProcessStage(),
        new Answer.AnswerStage(),
        new Evidence.EvidenceStage(),
        new Hearings.HearingsStage(),
        new Judgments.JudgmentsStage(),
        new Publication.PublicationStage(),
        new Enforcement.EnforcementStage(),
    ];

    /// <summary>Shared concepts with a part in the snapshot (no stage of their own).</summary>
    public static IReadOnlyList<ICaseModule> Shared { get; } = [new Documents.DocumentsModule(), new Calendar.CalendarModule(),
        new Assignment.AssignmentModule(), new TrialLimit.TrialLimitModule(),
        new Parties.OnlineConsentModule()];

    public static IReadOnlyList<ICaseModule> All { get; } = [.. Shared, .. Stages];

    /// <summary>Every part of the snapshot any module declares, for storage to read and write by name.</summary>
    public static IReadOnlyList<CasePart> Parts { get; } = All.SelectMany(m => m.Parts).ToList();
}
