namespace ECourt.Application.Publication;

/// <summary>
/// A published judgment as the public search holds it. <see cref="Text"/> is the anonymised text only: the original never
/// reaches an index. <see cref="Version"/> is the judgment's publication version; every change to what is published
/// (publication, correction, withdrawal) raises it.
/// </summary>
public sealed record IndexedJudgment(string JudgmentId, long Version, string CaseNumber, string Court, string Cause,
    DateOnly DecidedOn, DateOnly PublishedOn, string Title, string Text);

/// <summary>
/// A public search: <see cref="Text"/> full text in Chinese (its words, separated by spaces or punctuation, must all occur),
/// the others exact matches; <see cref="From"/> and <see cref="To"/> bound <see cref="IndexedJudgment.DecidedOn"/>, inclusive.
/// </summary>
public sealed record JudgmentQuery(string? Text, string? CaseNumber, string? Court, string? Cause, DateOnly? From, DateOnly? To,
    int Skip, int Take);

/// <summary>One judgment found, with a plain-text excerpt around the first match (the beginning when no text was asked for).</summary>
public sealed record JudgmentHit(string JudgmentId, string CaseNumber, string Court, string Cause, DateOnly DecidedOn, string Title,
    string Excerpt);

/// <summary>One page of hits and how many judgments match in all.</summary>
public sealed record JudgmentHits(long Total, IReadOnlyList<JudgmentHit> Hits);

/// <summary>
/// The public search of published judgments: Azure AI Search in Azure, Lucene.Net on one machine. Every change is idempotent
/// by version, so the queue that feeds it may deliver a message twice or late: a change is applied only when its version is
/// above the one held, and a withdrawal leaves a tombstone with its version, so an older publication cannot bring it back.
/// </summary>
public interface IJudgmentIndex
{
    /// <summary>Creates the index (Azure) or opens it, rebuilding it from the published judgments when there is none (Lucene).</summary>
    Task EnsureReadyAsync(CancellationToken ct);

    /// <summary>Publishes or replaces a judgment, applied only if its version is above the version held.</summary>
    Task UpsertAsync(IndexedJudgment judgment, CancellationToken ct);

    /// <summary>A withdrawal: the judgment is no longer found, and an upsert with a lower version does not bring it back.</summary>
    Task RemoveAsync(string judgmentId, long version, CancellationToken ct);

    Task<JudgmentHits> SearchAsync(JudgmentQuery query, CancellationToken ct);
}

/// <summary>Every judgment published now, each at its current version: what an embedded index is rebuilt from.</summary>
public interface IPublishedJudgmentSource
{
    IAsyncEnumerable<IndexedJudgment> PublishedAsync(CancellationToken ct);
}
