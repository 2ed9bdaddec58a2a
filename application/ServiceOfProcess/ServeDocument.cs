using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The case's clerk or judge serves a document of the case on a party: into the party's inbox, with SMS or email notices
/// along the party's route, then post, then public notice. Once per document and party: asking again is the same service.
/// The kind served must be the document's own (a complaint is served as a complaint copy, never as the fee notice).
/// </summary>
public sealed class ServeDocument(ServiceRecords records, TimeProvider clock)
{
    public sealed record Request(
        [property: Required, Bound(Bounds.Code)] string? DocumentId,
        [property: Required, OneOf(typeof(ServedDocumentKind)), Bound(Bounds.WireName)] string? Kind,
        [property: Required, Bound(Filing.PartyReader.MaxParties, Min = 1)] int? PartyNumber);

    public async Task<ServiceRecord> RunAsync(CaseGrant grant, Request r, CancellationToken ct)
    {
        var file = grant.RequireFile();
        if (file.Case.Status.IsFinal() || file.Case.CaseNumber is null)
            throw new ConflictException("case-not-registered",
                $"The case is {file.Case.Status}; documents are served in registered cases.");
        var v = new Validation();
        var document = file.Rows(DocumentRows.Documents).FirstOrDefault(d => d.DocumentId == r.DocumentId);
        v.Check(document is not null, "documentId", "A document of this case.");
        var kind = v.Enum<ServedDocumentKind>(r.Kind, "kind");
        var party = file.Case.Parties.FirstOrDefault(p => p.PartyNumber == r.PartyNumber);
        v.Check(party is not null, "partyNumber", "A party of this case.");
        v.ThrowIfAny();
        // What a service means for the case follows from its kind: a document is served only as what it is.
        kind!.Value.CheckDocument(document!);
        return await records.StartAsync(file.Case, document!, kind.Value, party!, clock.GetUtcNow(), null, ct);
    }
}
