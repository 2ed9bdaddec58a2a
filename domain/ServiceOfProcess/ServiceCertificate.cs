using System.Text.Json;
using System.Text.Json.Serialization;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// The electronic service certificate (电子送达凭证) of one document served on one party: what was
/// served (the document and its SHA-256), on whom, how and where, when it was sent, delivered and
/// read, the provider's evidence, and the rule that made service complete. Signed by the court.
/// </summary>
public sealed record ServiceCertificate(
    string CertificateId,
    string Court,
    string CaseId,
    string? CaseNumber,
    string DocumentId,
    ServedDocumentKind DocumentKind,
    string DocumentSha256,
    int PartyNumber,
    string Recipient,
    ServiceMethod Method,
    string? Address,
    bool AddressConfirmed,
    DateTimeOffset SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    DateTimeOffset ServedAt,
    ServiceRule Rule,
    string? ProviderMessageId,
    string? ProviderEvidence,
    DateTimeOffset IssuedAt)
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>
    /// The bytes the signature covers: the certificate as compact JSON, properties in declaration order,
    /// times in UTC. Anyone holding the court's public key can recompute and check them.
    /// </summary>
    public byte[] CanonicalBytes() => JsonSerializer.SerializeToUtf8Bytes(this with
    {
        SentAt = SentAt.ToUniversalTime(),
        DeliveredAt = DeliveredAt?.ToUniversalTime(),
        ReadAt = ReadAt?.ToUniversalTime(),
        ServedAt = ServedAt.ToUniversalTime(),
        IssuedAt = IssuedAt.ToUniversalTime(),
    }, Canonical);

    public static ServiceCertificate? FromCanonical(ReadOnlySpan<byte> json) => JsonSerializer.Deserialize<ServiceCertificate>(json, Canonical);
}

/// <summary>A certificate with the court's signature over its canonical bytes.</summary>
/// <param name="Algorithm">the signature algorithm, e.g. ES256 (ECDSA P-256 with SHA-256)</param>
/// <param name="KeyId">which of the court's keys signed it</param>
/// <param name="Signature">base64 of the signature (IEEE P1363 r‖s)</param>
public sealed record SignedServiceCertificate(ServiceCertificate Certificate, string Algorithm, string KeyId, string Signature);
