using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Judgments;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>
/// An approved or withdrawn version of a publication goes to the public: its public copy (the anonymised text, or a withdrawal with
/// no text) is written, the search index told by a queued message, then the case records the version released. Every step is
/// repeatable and an older version never replaces a newer, so the decision's request and the lifecycle may both run it.
/// </summary>
public sealed class ReleasePublication(ICaseStore store, CaseChanges changes, PublicationText texts, IPublishedJudgments published,
    IJudgmentIndexQueue index, CourtDirectory courts, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(string caseId, CancellationToken ct) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct)
    {
        var c = stored.Case;
        if (c.Publication is not { } p || p.ReleasedVersion >= p.Version || c.Judgment is not { } j) return stored;
        var withdrawn = p.State == PublicationState.Withdrawn;
        var text = withdrawn ? null : await texts.GetAsync(c.CaseId, p.TextId, ct)
            ?? throw new InvalidOperationException($"Publication {p.JudgmentId} names text {p.TextId} that is not stored.");
        var courtName = courts.TryGet(c.Court, out var court) ? court.Name : c.Court;
        await published.PutAsync(new PublishedJudgment(p.JudgmentId, p.Version, c.CaseNumber ?? "", c.Court, courtName, c.Cause,
            ChinaTime.DateOf(j.IssuedAt), ChinaTime.DateOf(p.PublishedAt!.Value), Title(c, j), withdrawn, p.NotPublishedReason, text), ct);
        await index.SendAsync(new JudgmentIndexMessage(p.JudgmentId, p.Version), ct);
        return await changes.ApplyAsync(c.CaseId, x => CaseChange.Of(PublicationRules.Released(x, p.Version, clock.GetUtcNow())), ct,
            stored);
    }

    /// <summary>The title the public reads: the cause and what the document is (民间借贷纠纷一审民事判决书).</summary>
    public static string Title(CourtCase c, Judgment j) => c.Cause + "一审民事" + j.Kind switch
    {
        JudgmentKind.Judgment => "判决书",
        JudgmentKind.Ruling => "裁定书",
        _ => "调解书",
    };
}
