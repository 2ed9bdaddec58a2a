namespace ECourt.Domain.Publication;

/// <summary>
/// The residue scan before release: anything in the text to publish that still looks like an identity number, phone, bank card,
/// plate or email blocks publication until a clerk decides (DOMAIN.md "Publishing judgments: details").
/// </summary>
public static class ResidueScan
{
    /// <summary>
    /// What still looks like an identity number, phone, bank card, plate or email (Traditional text read through its Simplified
    /// folding); an address or property certificate is not asked about, as DOMAIN.md's list of what blocks release does not name them.
    /// </summary>
    public static IReadOnlyList<SensitiveSpan> Of(string text) => SensitiveData.Find(text)
        .Where(s => s.Kind is RedactionKind.IdNumber or RedactionKind.Phone or RedactionKind.BankCard or RedactionKind.Plate
            or RedactionKind.Email).ToList();
}
