using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Documents;
using ECourt.Domain.Enforcement;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Each decision listing a debtor is served on the debtor like any court document (SPC Provisions on the Dishonest List art. 5): written
/// once, its service started, then recorded as sent. The listing request does it; the lifecycle keeps a decision not yet sent.
/// </summary>
public sealed class ServeDishonestDecision(ICaseStore store, ServeCourtDocument serve) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EnforcementStage.DishonestDecision];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task<StoredCase> RunAsync(StoredCase stored, CancellationToken ct)
    {
        foreach (var listing in stored.Case.Enforcement?.Listings.Where(l => l.SentAt is null).ToList() ?? [])
        {
            var id = listing.DocumentId;
            stored = await serve.RunAsync(stored, new ServeCourtDocument.Notice(id, DocumentKind.DishonestListingDecision,
                    ServedDocumentKind.DishonestListingDecision, DishonestListingDecisionDocument.FileName,
                    DishonestListingDecisionDocument.ContentType, DishonestListingDecisionDocument.RenderOf(id),
                    DishonestListingDecisionDocument.RecipientsOf(id)),
                (x, now, _) => CaseChange.Of(DishonestList.Sent(x, id, now)), ct);
        }
        return stored;
    }
}

/// <summary>The decision served on the debtor: recorded in its service; nothing more follows from it.</summary>
public sealed class DishonestDecisionServed : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.DishonestListingDecision;

    public CaseChange? Apply(Domain.Cases.CourtCase c, ServiceRecord served) => null;
}
