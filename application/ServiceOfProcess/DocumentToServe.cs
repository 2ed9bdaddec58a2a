using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A document to serve when a case is registered, and on whom: each stage with such a document contributes it (the fee
/// notice to the plaintiffs, the complaint copy to the defendants).
/// </summary>
public sealed record DocumentToServe(CaseDocument Document, ServedDocumentKind Kind, IReadOnlyList<Party> Recipients,
    DateTimeOffset? DispatchBy);
