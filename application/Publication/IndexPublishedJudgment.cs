namespace ECourt.Application.Publication;

/// <summary>
/// A message from the index queue applied to the search index: the judgment's public copy is read and put in the index at its own
/// version (a withdrawal removes it), so a message applied twice, late or after a newer one changes nothing. An index that is down
/// throws: the message is tried again later, never lost.
/// </summary>
public sealed class IndexPublishedJudgment(IPublishedJudgments published, IJudgmentIndex index)
{
    public async Task RunAsync(JudgmentIndexMessage message, CancellationToken ct)
    {
        if (await published.GetAsync(message.JudgmentId, ct) is not { } copy) return;
        if (copy.Withdrawn) await index.RemoveAsync(copy.JudgmentId, copy.Version, ct);
        else await index.UpsertAsync(Indexed(copy), ct);
    }

    public static IndexedJudgment Indexed(PublishedJudgment copy) => new(copy.JudgmentId, copy.Version, copy.CaseNumber, copy.Court,
        copy.Cause, copy.DecidedOn, copy.PublishedOn, copy.Title, copy.Text ?? "");
}
