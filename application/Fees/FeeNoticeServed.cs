using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Fees;

/// <summary>The fee notice served on the plaintiff: the 7-day period runs from the day after (unless fee aid is pending).</summary>
public sealed class FeeNoticeServed(FeeCollection fees) : IServedDocumentEffect
{
    public ServedDocumentKind Kind => ServedDocumentKind.FeeNotice;

    public CaseChange? Apply(CourtCase c, ServiceRecord served) => CaseChange.Of(fees.NoticeServed(c, served.ServedAt!.Value));
}
