namespace ECourt.Adapters.Storage;

public sealed class StorageNames(string prefix)
{
    public string Cases => prefix + "Cases";
    public string CaseIndex => prefix + "CaseIndex";
    public string CaseNumbers => prefix + "CaseNumbers";
    public string Suspense => prefix + "Suspense";
    public string Funds => prefix + "Funds";
    public string Reconciliations => prefix + "Reconciliations";
    public string DocumentsContainer => (prefix.ToLowerInvariant() + "case-documents").TrimStart('-');
    public string CertificatesContainer => (prefix.ToLowerInvariant() + "service-certificates").TrimStart('-');
    public string SmsOutbox => prefix + "SmsOutbox";
    public string Calendars => prefix + "Calendars";
    public string IdempotencyKeys => prefix + "IdempotencyKeys";
    public string IdempotentBodiesContainer => (prefix.ToLowerInvariant() + "idempotent-answers").TrimStart('-');
    public string PublishedJudgments => prefix + "PublishedJudgments";
    public string PublishedTextsContainer => (prefix.ToLowerInvariant() + "published-judgments").TrimStart('-');
    public const string JudgmentIndex = "judgment-index";
    public string JudgmentIndexQueue => (prefix.ToLowerInvariant() + JudgmentIndex).TrimStart('-');
    public const string CaseSignals = "case-signals";
    public string CaseSignalsQueue => (prefix.ToLowerInvariant() + CaseSignals).TrimStart('-');
    public string EnforcementOverview => prefix + "EnforcementOverview";
}
