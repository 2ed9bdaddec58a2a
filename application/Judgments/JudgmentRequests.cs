using ECourt.Application.Cases;
using ECourt.Domain.Judgments;

namespace ECourt.Application.Judgments;

/// <summary>One order of the judgment: the debtor performs for the creditor (party numbers), an amount and a period if any.</summary>
public sealed record JudgmentOrderRequest(
    [property: Required, Bound(JudgmentRules.MaxPartyNumber, Min = 1)] int? Debtor,
    [property: Required, Bound(JudgmentRules.MaxPartyNumber, Min = 1)] int? Creditor,
    [property: Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount,
    [property: Bound(JudgmentRules.MaxPerformDays)] int? PerformWithinDays,
    [property: Required, Bound(JudgmentRules.MaxTextChars)] string? Text);

/// <summary>The share of the acceptance fee one party bears.</summary>
public sealed record CostShareRequest(
    [property: Required, Bound(JudgmentRules.MaxPartyNumber, Min = 1)] int? PartyNumber,
    [property: Required, Form(FieldForm.Money), Bound(Bounds.Code)] string? Amount);

/// <summary>
/// POST /api/cases/{caseId}/judgments: the signed document (uploaded first with kind <c>judgment</c>), what it is, its text as
/// drafted (else it is read from the PDF), its orders and the costs allocation.
/// </summary>
public sealed record IssueJudgmentRequest(
    [property: Required, OneOf(typeof(JudgmentKind)), Bound(Bounds.WireName)] string? Kind,
    [property: OneOf(typeof(RulingGround)), Bound(Bounds.WireName)] string? Ground,
    [property: Required, Bound(Bounds.Code)] string? DocumentId,
    [property: Bound(JudgmentText.MaxChars)] string? Text,
    [property: Required, Bound(JudgmentRules.MaxOrders)] List<JudgmentOrderRequest?>? Orders,
    [property: Required, Bound(JudgmentRules.MaxOrders)] List<CostShareRequest?>? Costs);

/// <summary>POST /api/cases/{caseId}/appeals: the party appealing (one the caller is or acts for) and its grounds.</summary>
public sealed record AppealRequest(
    [property: Required, Bound(JudgmentRules.MaxPartyNumber, Min = 1)] int? PartyNumber,
    [property: Required, Bound(JudgmentRules.MaxTextChars)] string? Grounds);
