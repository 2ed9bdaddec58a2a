using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>
/// The decision on fee aid served on the applicant: what remains is due from the day after (once the fee notice is served too).
/// </summary>
public sealed class FeeAidDecisionServed(FeeCollection fees) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.FeeAidDecision;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) => CaseChange.Of(fees.DecisionServed(c, served.ServedAt!.Value));
}
