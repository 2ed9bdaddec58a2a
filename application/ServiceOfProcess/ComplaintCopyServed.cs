using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The complaint copy served on a defendant: with the last one served the answer period runs, and an accepted case moves on.
/// </summary>
public sealed class ComplaintCopyServed(ComplaintService complaint) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.ComplaintCopy;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) =>
        CaseChange.Of(complaint.Served(c, served.PartyNumber, served.ServedAt!.Value));
}
