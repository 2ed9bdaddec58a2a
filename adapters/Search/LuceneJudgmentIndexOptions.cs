namespace ECourt.Adapters.Search;

/// <summary>
/// The embedded index (section ECourt:Search): <see cref="IndexDirectory"/> is the folder it is kept in; none keeps it in memory,
/// rebuilt from the published judgments at every start (tests, a first local run).
/// </summary>
public sealed class LuceneJudgmentIndexOptions
{
    public string? IndexDirectory { get; set; }
}
