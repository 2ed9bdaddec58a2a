using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// A party or its lawyer submits an item of evidence from documents its side uploaded with the kind evidence: the item's record is
/// fixed by hash and chained to the case's last item, in one transaction with the case's new chain end and a row per document that
/// takes the document into the item (a document goes into one item). Evidence after the period of proof is accepted and marked late.
/// A repeat of the same submission (a retry whose answer was lost) finds its item and answers it.
/// </summary>
public sealed class SubmitEvidence(CaseChanges changes, ICaseStore store, CaseSignals signals, TimeProvider clock)
{
    public sealed record Submitted(EvidenceItem Item, bool Late);

    public async Task<Submitted> RunAsync(CaseGrant grant, EvidenceItemRequest r, CancellationToken ct)
    {
        var caseId = grant.CaseId;
        var v = new Validation();
        var title = v.Text(r.Title, "title");
        var purpose = v.Text(r.Purpose, "purpose");
        var source = v.Text(r.Source, "source");
        var ids = r.DocumentIds ?? [];
        SideDocuments.CheckIds(ids, v, "documentIds", "uploaded first with the kind evidence.");
        v.ThrowIfAny();
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("Evidence is submitted by a party or its representative.");
        var documents = await SideDocuments.ReadAsync(store, grant, side, ids, v, "documentIds", "upload it first with the kind evidence.",
            ct);

        var actor = CaseAccess.PartyActor(grant.Caller);
        var parties = grant.Parties.Order().ToList();
        EvidenceItem? item = null;
        var applied = await changes.ApplyWithOutcomeAsync(caseId, c =>
        {
            var (submitted, e, it) = EvidenceSubmission.Submit(c, actor, side, parties, clock.GetUtcNow(), title!, purpose!, source!,
                documents);
            item = it;
            var change = CaseChange.Of(submitted, [e]).Inserting(CaseRow.Of(EvidenceRows.Items, it.EvidenceId, it));
            foreach (var d in documents)
                change = change.Inserting(CaseRow.Of(EvidenceRows.DocumentUses, d.DocumentId,
                    new EvidenceDocumentUse(d.DocumentId, it.EvidenceId, side)));
            return change;
        }, ct, grant.Stored);
        if (!applied.Changed) item = await EarlierAsync(caseId, documents, title!, purpose!, source!, ct);
        else await signals.CaseChangedAsync(applied.Case.Case, EvidenceActions.SubmitEvidence.Name, ct);
        var latest = applied.Changed ? applied.Case.Case : (await store.GetAsync(caseId, ct))!.Case;
        return new Submitted(item!, LateEvidence.IsLate(latest, item!));
    }

    /// <summary>
    /// A document of the request is in an item already: the same submission made before (same documents, title, purpose and source)
    /// is that item; anything else is refused.
    /// </summary>
    private async Task<EvidenceItem> EarlierAsync(string caseId, IReadOnlyList<CaseDocument> documents, string title, string purpose,
        string source, CancellationToken ct)
    {
        foreach (var d in documents)
        {
            if ((await store.GetRowAsync(caseId, EvidenceRows.DocumentUses, d.DocumentId, ct))?.Value is not { } use) continue;
            var earlier = (await store.GetRowAsync(caseId, EvidenceRows.Items, use.EvidenceId, ct))?.Value
                ?? throw new InvalidOperationException($"Evidence {use.EvidenceId} of case {caseId} has a document but no row.");
            var r = earlier.Record;
            if (r.Title == title && r.Purpose == purpose && r.Source == source
                && r.Documents.Select(x => x.DocumentId).SequenceEqual(documents.Select(x => x.DocumentId)))
                return earlier;
            throw new ConflictException("evidence-document-already-submitted",
                $"Document {d.DocumentId} is in evidence {use.EvidenceId} already: a document goes into one item of evidence.");
        }
        throw new InvalidOperationException($"Evidence of case {caseId} was applied before, but no document of it is in an item.");
    }
}
