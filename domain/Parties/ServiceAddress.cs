using System.Text.Json.Serialization;

namespace ECourt.Domain.Parties;

public enum ServiceChannel
{
    [JsonStringEnumMemberName("sms")]
    Sms,
    [JsonStringEnumMemberName("email")]
    Email,
    [JsonStringEnumMemberName("postal")]
    Postal,
}

/// <summary>
/// An address for service. <see cref="ConfirmedAt"/> is set when the party (or its representative)
/// gave or confirmed it in a service-address confirmation; an address the court found itself is unconfirmed,
/// and service to it completes only when the recipient acts.
/// </summary>
public sealed record ServiceAddress(ServiceChannel Channel, string Address, DateTimeOffset? ConfirmedAt, string? ConfirmedBy);

/// <summary>
/// Consent to electronic service (CPL art. 90): given expressly, agreed in a contract before the dispute,
/// or by giving an electronic address in a pleading. Logging in to the portal is not consent.
/// </summary>
public enum ConsentSource
{
    [JsonStringEnumMemberName("express")]
    Express,
    [JsonStringEnumMemberName("prior-contract")]
    PriorContract,
    [JsonStringEnumMemberName("address-in-pleading")]
    AddressInPleading,
}

/// <summary>
/// A party's consent to electronic service, as recorded. Consent by a contract made before the dispute (Online Litigation
/// Rules art. 29), asserted by another party, confirms nothing until a clerk has checked the clause (a document of the
/// case: <see cref="ClauseDocumentId"/>) and the address it names (<see cref="ConfirmedBy"/>, <see cref="ConfirmedAt"/>).
/// </summary>
public sealed record ElectronicServiceConsent(ConsentSource Source, DateTimeOffset GivenAt, string RecordedBy,
    string? ClauseDocumentId = null,
    string? ConfirmedBy = null, DateTimeOffset? ConfirmedAt = null);
