namespace ECourt.Application.Publication;

/// <summary>
/// A judgment as the public site holds it: its case's number, court, cause, the day it was decided and published, its title, the
/// anonymised text (none once withdrawn), the reason it is not published where it is not, and the version it is at. Nothing else of
/// the case: the original is never here.
/// </summary>
public sealed record PublishedJudgment(string JudgmentId, int Version, string CaseNumber, string Court, string CourtName, string Cause,
    DateOnly DecidedOn, DateOnly PublishedOn, string Title, bool Withdrawn, string? NotPublishedReason, string? Text);

/// <summary>The public copies of published judgments, each kept at its latest version: an older version never replaces a newer.</summary>
public interface IPublishedJudgments : IPublishedJudgmentSource
{
    Task PutAsync(PublishedJudgment judgment, CancellationToken ct);

    Task<PublishedJudgment?> GetAsync(string judgmentId, CancellationToken ct);
}

/// <summary>
/// Tells the search index that a judgment's public copy changed (a storage queue in Azure and on the local host): the message names
/// the judgment and its version, and the index reads the copy itself, so a message applied twice or late changes nothing.
/// </summary>
public interface IJudgmentIndexQueue
{
    Task SendAsync(JudgmentIndexMessage message, CancellationToken ct);
}

public sealed record JudgmentIndexMessage(string JudgmentId, int Version);
