using System.Text.Json.Serialization;

namespace ECourt.Domain.Judgments;

/// <summary>What ends the first instance (API.md: <c>kind</c>).</summary>
public enum JudgmentKind
{
    /// <summary>判决书: decides the claims (CPL art. 155).</summary>
    [JsonStringEnumMemberName("judgment")]
    Judgment,
    /// <summary>裁定书: a ruling that ends the proceedings (CPL art. 157).</summary>
    [JsonStringEnumMemberName("ruling")]
    Ruling,
    /// <summary>调解书: the mediation statement, effective once every party has signed for it (CPL art. 100).</summary>
    [JsonStringEnumMemberName("mediation")]
    Mediation,
}

/// <summary>
/// What a ruling that ends the first instance decides (CPL art. 157): the appealable ones (dismissing the suit, on an objection to
/// jurisdiction) and those that take effect on service (approving a withdrawal, terminating the proceedings). Refusing to accept a
/// case is the filing's own ruling (the case is then <c>Rejected</c>), not one of these.
/// </summary>
public enum RulingGround
{
    /// <summary>驳回起诉: appealable within 10 days (CPL art. 157(1)(3)).</summary>
    [JsonStringEnumMemberName("dismissal")]
    Dismissal,
    /// <summary>管辖权异议: upholding an objection and transferring the case; appealable within 10 days (CPL art. 157(1)(2)).</summary>
    [JsonStringEnumMemberName("jurisdiction-objection")]
    JurisdictionObjection,
    /// <summary>准予撤诉: the plaintiff's withdrawal approved (CPL art. 148); effective on service; the fee is halved (Measures art.
    /// 15).</summary>
    [JsonStringEnumMemberName("withdrawal")]
    Withdrawal,
    /// <summary>终结诉讼: the proceedings terminated (CPL art. 154); effective on service.</summary>
    [JsonStringEnumMemberName("termination")]
    Termination,
}
