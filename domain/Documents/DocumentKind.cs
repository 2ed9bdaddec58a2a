using System.Text.Json.Serialization;

namespace ECourt.Domain.Documents;

public enum DocumentKind
{
    [JsonStringEnumMemberName("complaint")]
    Complaint,
    [JsonStringEnumMemberName("evidence")]
    Evidence,
    [JsonStringEnumMemberName("identity")]
    Identity,
    [JsonStringEnumMemberName("power-of-attorney")]
    PowerOfAttorney,
    [JsonStringEnumMemberName("fee-aid-application")]
    FeeAidApplication,
    [JsonStringEnumMemberName("other")]
    Other,
    /// <summary>The court's fee notice (缴费通知书), issued at registration: court-issued, never uploaded.</summary>
    [JsonStringEnumMemberName("fee-notice")]
    FeeNotice,
    /// <summary>The court's decision on fee aid (诉讼费用司法救助决定书), served on the applicant: court-issued, never uploaded.</summary>
    [JsonStringEnumMemberName("fee-aid-decision")]
    FeeAidDecision,
    /// <summary>
    /// The court's notice of the burden and period of proof (举证通知书), served on every party: court-issued, never uploaded.
    /// </summary>
    [JsonStringEnumMemberName("evidence-notice")]
    EvidenceNotice,
    /// <summary>The defendant's answer (答辩状, CPL art. 128), uploaded by the defendant's side; its copy reaches every party.</summary>
    [JsonStringEnumMemberName("answer")]
    Answer,
    /// <summary>The court's summons to a hearing (传票), served on every party: court-issued, never uploaded.</summary>
    [JsonStringEnumMemberName("summons")]
    Summons,
    /// <summary>The court's notice that a hearing will not be held (撤销开庭通知书), served on every party: court-issued.</summary>
    [JsonStringEnumMemberName("hearing-cancellation")]
    HearingCancellation,
    /// <summary>The minutes of a hearing (庭审笔录), uploaded by the court's staff who record it; parties upload none.</summary>
    [JsonStringEnumMemberName("minutes")]
    Minutes,
    /// <summary>
    /// The signed judgment, ruling or mediation statement (判决书, 裁定书, 调解书), uploaded by the judge's side and served on every party
    /// when issued; parties upload none.
    /// </summary>
    [JsonStringEnumMemberName("judgment")]
    Judgment,
    /// <summary>
    /// The notice of enforcement with the order to report assets (执行通知书、报告财产令), served on the debtors of an enforcement case:
    /// court-issued.
    /// </summary>
    [JsonStringEnumMemberName("enforcement-notice")]
    EnforcementNotice,
    /// <summary>The decision putting a debtor on the dishonest list (纳入失信被执行人名单决定书), served on the debtor: court-issued.</summary>
    [JsonStringEnumMemberName("dishonest-listing-decision")]
    DishonestListingDecision,
}

public static class DocumentKinds
{
    /// <summary>Documents the court itself issues: listed in the case, not uploaded by anyone.</summary>
    public static bool IsCourtIssued(this DocumentKind kind) =>
        kind is DocumentKind.FeeNotice or DocumentKind.FeeAidDecision or DocumentKind.EvidenceNotice or DocumentKind.Summons
            or DocumentKind.HearingCancellation or DocumentKind.EnforcementNotice
            or DocumentKind.DishonestListingDecision;

    /// <summary>Documents only the court's staff upload (the minutes of a hearing, CPL art. 150; the signed judgment).</summary>
    public static bool IsStaffDocument(this DocumentKind kind) => kind is DocumentKind.Minutes or DocumentKind.Judgment;

    /// <summary>
    /// The filing's own documents: the complaint (CPL arts. 122–124) and the application for fee aid made with it by the
    /// plaintiff who pays the fee (Measures arts. 44–48). They belong to the filing side; the other side files none.
    /// </summary>
    public static bool IsFilingDocument(this DocumentKind kind) => kind is DocumentKind.Complaint or DocumentKind.FeeAidApplication;

    /// <summary>The kinds a party or clerk may upload.</summary>
    public static IEnumerable<DocumentKind> Uploadable => Enum.GetValues<DocumentKind>().Where(k => !k.IsCourtIssued());

    public static bool TryParseUploadable(string? name, out DocumentKind kind) => WireNames.TryParse(name, out kind)
        && !kind.IsCourtIssued();
}
