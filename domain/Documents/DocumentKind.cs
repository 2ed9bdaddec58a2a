namespace ECourt.Domain.Documents;

public enum DocumentKind
{
    Complaint,
    Evidence,
    Identity,
    PowerOfAttorney,
    FeeAidApplication,
    Other,
}

public static class DocumentKinds
{
    private static readonly Dictionary<string, DocumentKind> ByName = new()
    {
        ["complaint"] = DocumentKind.Complaint,
        ["evidence"] = DocumentKind.Evidence,
        ["identity"] = DocumentKind.Identity,
        ["power-of-attorney"] = DocumentKind.PowerOfAttorney,
        ["fee-aid-application"] = DocumentKind.FeeAidApplication,
        ["other"] = DocumentKind.Other,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? name, out DocumentKind kind) => ByName.TryGetValue(name ?? "", out kind);

    public static string Name(this DocumentKind kind) => ByName.First(p => p.Value == kind).Key;
}
