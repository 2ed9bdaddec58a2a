namespace ECourt.Domain.Documents;

public enum DocumentKind
{
    Complaint,
    Evidence,
    Identity,
    PowerOfAttorney,
    FeeAidApplication,
    Other,
    /// <summary>The court's fee notice (缴费通知书), issued at registration: court-issued, never uploaded.</summary>
    FeeNotice,
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
        ["fee-notice"] = DocumentKind.FeeNotice,
    };

    /// <summary>Documents the court itself issues: listed in the case, not uploaded by anyone.</summary>
    public static bool IsCourtIssued(this DocumentKind kind) => kind == DocumentKind.FeeNotice;

    /// <summary>The kinds a party or clerk may upload.</summary>
    public static IEnumerable<string> Names => ByName.Where(p => !p.Value.IsCourtIssued()).Select(p => p.Key);

    public static bool TryParse(string? name, out DocumentKind kind) => ByName.TryGetValue(name ?? "", out kind) && !kind.IsCourtIssued();

    public static string Name(this DocumentKind kind) => ByName.First(p => p.Value == kind).Key;
}
