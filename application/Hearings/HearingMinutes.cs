using ECourt.Application.Cases;
using ECourt.Application.Documents;

namespace ECourt.Application.Hearings;

/// <summary>
/// The minutes of a hearing held reach every party once the hearing is recorded with them (CPL art. 150: the parties may read the
/// minutes): they see them in the case view and may download them, as a document served on them. Minutes uploaded but not yet
/// named in a record stay the court's.
/// </summary>
public sealed class HearingMinutes : IDocumentRecipients
{
    public IReadOnlyList<int> ServedOn(CaseFile file, string documentId) =>
        file.Rows(HearingRows.Records).Any(r => r.MinutesDocumentId == documentId)
            ? file.Case.Parties.Select(p => p.PartyNumber).ToList()
            : [];
}
