using ECourt.Application.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Application.Filing;

/// <summary>The body of POST /api/cases (API.md).</summary>
public sealed record FilingRequest(
    [property: Bound(Bounds.Code)] string? Court,
    [property: Bound(Bounds.WireName)] string? CaseType,
    [property: Bound(Bounds.WireName)] string? Procedure,
    [property: Bound(FilingRequest.MaxCauseChars)] string? Cause,
    [property: Bound(Bounds.Code)] string? ClaimAmount,
    [property: Bound(FilingRequest.MaxClaimsChars)] string? Claims,
    [property: Bound(FilingRequest.MaxFactsChars)] string? Facts,
    Fees.FeeAidRequest? FeeAid,
    [property: Bound(PartyReader.MaxParties)] List<PartyRequest?>? Parties)
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
    [property: Bound(Bounds.WireName)] string? Role,
    [property: Bound(Bounds.WireName)] string? Kind,
    [property: Bound(Bounds.Name)] string? Name,
    [property: Bound(Bounds.WireName)] string? IdType,
    [property: Bound(Bounds.Code)] string? IdNumber,
    [property: Bound(Bounds.Code)] string? CreditCode,
    [property: Bound(Bounds.Code)] string? Phone,
    [property: Bound(PartyReader.MaxEmailChars)] string? Email,
    [property: Bound(PartyReader.MaxAddressChars)] string? Address,
    [property: Bound(Bounds.UserId)] string? UserId,
    bool? Minor,
    bool? ElectronicServiceConsent,
    [property: Bound(Bounds.WireName)] string? ConsentSource,
    [property: Bound(PartyReader.MaxServiceAddresses)] List<ServiceAddressRequest?>? ServiceAddresses,
    [property: Bound(AgentsAdLitem.MaxPerParty)] List<RepresentativeRequest?>? Representatives,
    RepresentativeRequest? Guardian,
    RepresentativeRequest? LegalRepresentative);

/// <param name="Address">a mobile number, an email address or a postal address: the longest is an email's</param>
public sealed record ServiceAddressRequest(
    [property: Bound(Bounds.WireName)] string? Channel,
    [property: Bound(PartyReader.MaxEmailChars)] string? Address);

public sealed record RepresentativeRequest(
    [property: Bound(Bounds.WireName)] string? Kind,
    [property: Bound(Bounds.Name)] string? Name,
    [property: Bound(Bounds.UserId)] string? UserId,
    [property: Bound(Bounds.Code)] string? LicenceNumber,
    [property: Bound(Bounds.Name)] string? Firm,
    [property: Bound(Bounds.WireName)] string? Authority,
    [property: Bound(Domain.Parties.SpecialPowers.Max, ItemChars = Bounds.WireName)] List<string?>? SpecialPowers);

/// <summary>POST /api/cases/{caseId}/corrections: changed fields; documents are uploaded to the documents route.</summary>
/// <param name="DocumentIds">documents of the case that answer the defects: at most every document it has</param>
public sealed record CorrectionsRequest(
    [property: Bound(FilingRequest.MaxCauseChars)] string? Cause,
    [property: Bound(Bounds.Code)] string? ClaimAmount,
    [property: Bound(FilingRequest.MaxClaimsChars)] string? Claims,
    [property: Bound(FilingRequest.MaxFactsChars)] string? Facts,
    [property: Bound(PartyReader.MaxParties)] List<PartyRequest?>? Parties,
    [property: Bound(DocumentParts.MaxDocuments, ItemChars = Bounds.Code)] List<string?>? DocumentIds);

/// <summary>POST /api/cases/{caseId}/review.</summary>
public sealed record ReviewRequest(
    [property: Bound(Bounds.WireName)] string? Decision,
    [property: Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);
