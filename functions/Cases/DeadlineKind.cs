using System.Text.Json.Serialization;

namespace ECourt.Functions.Cases;

/// <summary>The kinds of deadline a case view lists (<see cref="DeadlineView"/>), as each stage names its own; later stages add
/// kinds.</summary>
public enum DeadlineKind
{
    [JsonStringEnumMemberName(Domain.Filing.FilingStage.ReviewDeadline)]
    FilingReview,
    [JsonStringEnumMemberName(Domain.Filing.FilingStage.CureDeadline)]
    CorrectionCure,
    [JsonStringEnumMemberName(Domain.Fees.FeesStage.PaymentDeadline)]
    FeePayment,
    [JsonStringEnumMemberName(Domain.Fees.FeesStage.DecisionService)]
    FeeAidDecisionService,
    [JsonStringEnumMemberName(Domain.ServiceOfProcess.ServiceOfProcessStage.DispatchDeadline)]
    ComplaintDispatch,
    [JsonStringEnumMemberName(Domain.ServiceOfProcess.ServiceOfProcessStage.AnswerDeadline)]
    Answer,
    [JsonStringEnumMemberName(Domain.ServiceOfProcess.ServiceOfProcessStage.EvidenceExchange)]
    EvidenceExchange,
    [JsonStringEnumMemberName(Domain.Assignment.AssignmentModule.AssignmentDue)]
    Assignment,
    [JsonStringEnumMemberName(Domain.Evidence.EvidenceStage.NoticeService)]
    EvidenceNoticeService,
    [JsonStringEnumMemberName(Domain.Evidence.EvidenceStage.PeriodDeadline)]
    EvidencePeriod,
    [JsonStringEnumMemberName(Domain.TrialLimit.TrialLimitModule.WarningDeadline)]
    TrialLimitWarning,
    [JsonStringEnumMemberName(Domain.TrialLimit.TrialLimitModule.LimitDeadline)]
    TrialLimit,
    [JsonStringEnumMemberName(Domain.Answer.AnswerStage.OnlineLinkingDeadline)]
    OnlineLinking,
    [JsonStringEnumMemberName(Domain.Hearings.HearingsStage.NoticeService)]
    HearingNoticeService,
    [JsonStringEnumMemberName(Domain.Hearings.HearingsStage.SummonsService)]
    SummonsService,
    [JsonStringEnumMemberName(Domain.Judgments.JudgmentsStage.JudgmentService)]
    JudgmentService,
    [JsonStringEnumMemberName(Domain.Judgments.JudgmentsStage.AppealPeriodKind)]
    AppealPeriod,
    [JsonStringEnumMemberName(Domain.Judgments.JudgmentsStage.JudgmentEffect)]
    JudgmentEffect,
    [JsonStringEnumMemberName(Domain.Judgments.JudgmentsStage.Performance)]
    Performance,
    [JsonStringEnumMemberName(Domain.Judgments.JudgmentsStage.CostsRefund)]
    CostsRefund,
    [JsonStringEnumMemberName(Domain.Publication.PublicationStage.DraftDeadline)]
    PublicationDraft,
    [JsonStringEnumMemberName(Domain.Publication.PublicationStage.ApprovalDeadline)]
    PublicationApproval,
    [JsonStringEnumMemberName(Domain.Publication.PublicationStage.PublicationDeadline)]
    Publication,
    [JsonStringEnumMemberName(Domain.Publication.PublicationStage.ReleaseDeadline)]
    PublicationRelease,
}
