using System.Security.Cryptography;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Adapters.Signing;

/// <summary>
/// Signs with an ECDSA P-256 key (ES256) held in a PEM file, as local runs do; the key id is the first
/// 16 bytes of the SHA-256 of its public key. A missing file is created with a new key, readable by its
/// owner only.
/// </summary>
public sealed class EcdsaCertificateSigner : IServiceCertificateSigner, IDisposable
{
    private readonly ECDsa _key;

    public EcdsaCertificateSigner(ECDsa key)
    {
        if (key.KeySize != 256) throw new ArgumentException("The court's signing key is ECDSA P-256.", nameof(key));
        _key = key;
        var publicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(publicKey)[..16]);
        PublicKeyPem = PemEncoding.WriteString("PUBLIC KEY", publicKey);
    }

    public static EcdsaCertificateSigner FromFile(string path)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new EcdsaCertificateSigner(key);
    }

    public string KeyId { get; }

    public string Algorithm => "ES256";

    public string PublicKeyPem { get; }

    public Task<SigningKey> KeyAsync(CancellationToken ct = default) => Task.FromResult(new SigningKey(KeyId, Algorithm, PublicKeyPem));

    public Task<bool> VerifyAsync(SignedServiceCertificate signed, CancellationToken ct = default) => Task.FromResult(Verify(signed));

    public Task<SignedServiceCertificate> SignAsync(ServiceCertificate certificate, CancellationToken ct = default) =>
        Task.FromResult(new SignedServiceCertificate(certificate, Algorithm, KeyId,
            Convert.ToBase64String(_key.SignData(certificate.CanonicalBytes(), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))));

    public bool Verify(SignedServiceCertificate signed)
    {
        if (signed.Algorithm != Algorithm || signed.KeyId != KeyId) return false;
        byte[] signature;
        try { signature = Convert.FromBase64String(signed.Signature); }
        catch (FormatException) { return false; }
        return _key.VerifyData(signed.Certificate.CanonicalBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public void Dispose() => _key.Dispose();
}
