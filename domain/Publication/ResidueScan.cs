namespace ECourt.Domain.Publication;

/// <summary>
/// The residue scan before release: anything in the text to publish that still looks like an identity number, phone, bank card,
/// plate or email blocks publication until a clerk decides (DOMAIN.md "Publishing judgments: details").
/// </summary>
public static class ResidueScan
{
    public static IReadOnlyList<SensitiveSpan> Of(string text) => SensitiveData.Find(text);
}
