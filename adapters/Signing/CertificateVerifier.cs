using System.Security.Cryptography;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Adapters.Signing;

/// <summary>
/// Verifies certificates with whichever of the court's keys signed them: the current signing key, or a key retired
/// since (its public half kept in settings), so certificates stay verifiable for as long as the case file is kept after
/// the key is rotated.
/// </summary>
public sealed class CertificateVerifier : ICertificateVerifier
{
    private readonly IServiceCertificateSigner _current;
    private readonly Dictionary<string, (ECDsa Key, string Pem)> _retired = new(StringComparer.Ordinal);

    public CertificateVerifier(IServiceCertificateSigner current, IEnumerable<string> retiredPublicKeyPems)
    {
        _current = current;
        foreach (var pem in retiredPublicKeyPems)
        {
            var key = ECDsa.Create();
            key.ImportFromPem(pem);
            _retired[Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..16])] = (key, pem);
        }
    }

    public async Task<(bool Valid, string? PublicKeyPem)> VerifyAsync(SignedServiceCertificate signed, CancellationToken ct = default)
    {
        var current = await _current.KeyAsync(ct);
        if (signed.KeyId == current.KeyId) return (await _current.VerifyAsync(signed, ct), current.PublicKeyPem);
        if (signed.Algorithm != "ES256" || !_retired.TryGetValue(signed.KeyId, out var retired)) return (false, null);
        byte[] signature;
        try { signature = Convert.FromBase64String(signed.Signature); }
        catch (FormatException) { return (false, retired.Pem); }
        return (retired.Key.VerifyData(signed.Certificate.CanonicalBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
            retired.Pem);
    }
}
