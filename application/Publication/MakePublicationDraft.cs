using ECourt.Application.Cases;
using ECourt.Application.Judgments;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Judgments;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>
/// When the judgment takes effect its publication's draft is made for the clerk: the judgment's text anonymised with what the case
/// record knows (parties, those who act for them, their identifiers and addresses) and the patterns for what it does not, then scanned
/// for residue; for what is not published, the notice of non-publication; for a text the PDF did not give, nothing (the clerk gives
/// it). Repeatable: the lifecycle keeps it at once and after a crash.
/// </summary>
public sealed class MakePublicationDraft(ICaseStore store, CaseChanges changes, JudgmentText judgments, PublicationText texts,
    CourtDirectory courts, TimeProvider clock)
{
    public async Task RunAsync(string caseId, CancellationToken ct)
    {
        var stored = await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId);
        var c = stored.Case;
        if (!PublicationRules.DraftDue(c)) return;
        var j = c.Judgment!;
        var reason = PublicationExclusion.ReasonOf(c, j);
        DraftText draft;
        if (reason is not null)
            draft = new DraftText(await texts.PutAsync(caseId, j.JudgmentId,
                PublicationExclusion.Notice(c, j, courts.TryGet(c.Court, out var court) ? court.Name : c.Court, reason), ct), 0, []);
        else if (await judgments.GetAsync(caseId, j.JudgmentId, ct) is { } text)
        {
            var (anonymised, redactions, residue) = Anonymised(text, c);
            draft = new DraftText(await texts.PutAsync(caseId, j.JudgmentId, anonymised, ct), redactions, residue);
        }
        else
            draft = new DraftText(null, 0, []);
        await changes.ApplyAsync(caseId, x => CaseChange.Of(PublicationRules.Draft(x, clock.GetUtcNow(), reason, draft)), ct, stored);
    }

    /// <summary>The text anonymised for the case, how many redactions it took, and what the residue scan still finds in it.</summary>
    public static (string Text, int Redactions, IReadOnlyList<RedactionKind> Residue) Anonymised(string text, CourtCase c)
    {
        var anonymised = Anonymiser.Anonymise(text, CasePersons.Of(c), CasePersons.KindOf(c));
        return (anonymised.Text, anonymised.Redactions.Count, Residue(anonymised.Text));
    }

    public static IReadOnlyList<RedactionKind> Residue(string text) => ResidueScan.Of(text).Select(s => s.Kind).Distinct().ToList();
}
