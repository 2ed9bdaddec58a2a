namespace ECourt.Application.Filing;

/// <summary>The body of POST /api/cases (API.md).</summary>
public sealed record FilingRequest(
    string? Court,
    string? CaseType,
    string? Procedure,
    string? Cause,
    string? ClaimAmount,
    string? Claims,
    string? Facts,
    Fees.FeeAidRequest? FeeAid,
    List<PartyRequest?>? Parties);

public sealed record PartyRequest(
    string? Role,
    string? Kind,
    string? Name,
    string? IdType,
    string? IdNumber,
    string? CreditCode,
    string? Phone,
    string? Email,
    string? Address,
    string? UserId,
    bool? Minor,
    bool? ElectronicServiceConsent,
    string? ConsentSource,
    List<ServiceAddressRequest?>? ServiceAddresses,
    List<RepresentativeRequest?>? Representatives,
    RepresentativeRequest? Guardian,
    RepresentativeRequest? LegalRepresentative);

public sealed record ServiceAddressRequest(string? Channel, string? Address);

public sealed record RepresentativeRequest(
    string? Kind,
    string? Name,
    string? UserId,
    string? LicenceNumber,
    string? Firm,
    string? Authority,
    List<string?>? SpecialPowers);

/// <summary>POST /api/cases/{caseId}/corrections: changed fields; documents are uploaded to the documents route.</summary>
public sealed record CorrectionsRequest(string? Cause, string? ClaimAmount, string? Claims, string? Facts, List<PartyRequest?>? Parties,
    List<string?>? DocumentIds);

/// <summary>POST /api/cases/{caseId}/review.</summary>
public sealed record ReviewRequest(string? Decision, List<string?>? Reasons);
