using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// What the completed service of a document means for its case (the fee period starts; the answer period runs). Declared by
/// service of process; implemented by the stage whose document it is.
/// </summary>
public interface IServedDocumentEffect
{
    ServedDocumentKind Kind { get; }

    CaseChange? Apply(CourtCase c, ServiceRecord served);
}
