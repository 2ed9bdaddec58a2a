using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Application.Filing;

/// <summary>The body of POST /api/cases (API.md).</summary>
public sealed record FilingRequest(
    [property: Bound(Bounds.Code)] string? Court,
    [property: Required, OneOf(typeof(FeeCaseType)), Bound(Bounds.WireName)] string? CaseType,
    [property: OneOf(typeof(Procedure)), Bound(Bounds.WireName)] string? Procedure,
    [property: Required, Bound(FilingRequest.MaxCauseChars)] string? Cause,
    [property: Form(FieldForm.Money), Bound(Bounds.Code)] string? ClaimAmount,
    [property: Required, Bound(FilingRequest.MaxClaimsChars)] string? Claims,
    [property: Bound(FilingRequest.MaxFactsChars)] string? Facts,
    Fees.FeeAidRequest? FeeAid,
    [property: Required, Bound(PartyReader.MaxParties)] List<PartyRequest?>? Parties)
{
    /// <summary>A cause of action by its name in the SPC's list of causes: the longest has some 30 characters.</summary>
    public const int MaxCauseChars = 100;

    /// <summary>
    /// The claims and the facts are kept in the case's snapshot, for the clerk's review and the case view; a longer
    /// statement is the complaint itself, filed as a document (a case at both bounds fits its row: LargestCaseTests).
    /// </summary>
    public const int MaxClaimsChars = 5000;

    /// <inheritdoc cref="MaxClaimsChars"/>
    public const int MaxFactsChars = 20000;
}

public sealed record PartyRequest(
    [property: Required, OneOf(typeof(PartyRole)), Bound(Bounds.WireName)] string? Role,
    [property: Required, OneOf(typeof(PartyKind)), Bound(Bounds.WireName)] string? Kind,
    [property: Required, Bound(Bounds.Name)] string? Name,
    [property: OneOf(typeof(IdentityDocumentType)), Bound(Bounds.WireName)] string? IdType,
    [property: Form(FieldForm.IdentityNumber), Bound(Bounds.Code)] string? IdNumber,
    [property: Form(FieldForm.CreditCode), Bound(Bounds.Code)] string? CreditCode,
    [property: Bound(Bounds.Code)] string? Phone,
    [property: Bound(PartyReader.MaxEmailChars)] string? Email,
    [property: Bound(PartyReader.MaxAddressChars)] string? Address,
    [property: Bound(Bounds.UserId)] string? UserId,
    bool? Minor,
    bool? ElectronicServiceConsent,
    [property: OneOf(typeof(ConsentSource)), Bound(Bounds.WireName)] string? ConsentSource,
    [property: Bound(PartyReader.MaxServiceAddresses)] List<ServiceAddressRequest?>? ServiceAddresses,
    [property: Bound(AgentsAdLitem.MaxPerParty)] List<RepresentativeRequest?>? Representatives,
    RepresentativeRequest? Guardian,
    RepresentativeRequest? LegalRepresentative);

/// <param name="Address">a mobile number, an email address or a postal address: the longest is an email's</param>
public sealed record ServiceAddressRequest(
    [property: Required, OneOf(typeof(ServiceChannel)), Bound(Bounds.WireName)] string? Channel,
    [property: Required, Bound(PartyReader.MaxEmailChars)] string? Address);

public sealed record RepresentativeRequest(
    [property: OneOf(typeof(RepresentativeKind)), Bound(Bounds.WireName)] string? Kind,
    [property: Required, Bound(Bounds.Name)] string? Name,
    [property: Bound(Bounds.UserId)] string? UserId,
    [property: Bound(Bounds.Code)] string? LicenceNumber,
    [property: Bound(Bounds.Name)] string? Firm,
    [property: OneOf(typeof(AuthorityScope)), Bound(Bounds.WireName)] string? Authority,
    [property: OneOf(typeof(SpecialPower)), Bound(Domain.Parties.SpecialPowers.Max,
        ItemChars = Bounds.WireName)] List<string?>? SpecialPowers);

/// <summary>POST /api/cases/{caseId}/corrections: changed fields; documents are uploaded to the documents route.</summary>
/// <param name="DocumentIds">documents of the case that answer the defects: at most every document it has</param>
public sealed record CorrectionsRequest(
    [property: Bound(FilingRequest.MaxCauseChars)] string? Cause,
    [property: Form(FieldForm.Money), Bound(Bounds.Code)] string? ClaimAmount,
    [property: Bound(FilingRequest.MaxClaimsChars)] string? Claims,
    [property: Bound(FilingRequest.MaxFactsChars)] string? Facts,
    [property: Bound(PartyReader.MaxParties)] List<PartyRequest?>? Parties,
    [property: Bound(DocumentParts.MaxDocuments, ItemChars = Bounds.Code)] List<string?>? DocumentIds);

/// <summary>POST /api/cases/{caseId}/review.</summary>
public sealed record ReviewRequest(
    [property: Required, OneOf(typeof(ReviewDecision)), Bound(Bounds.WireName)] string? Decision,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);
