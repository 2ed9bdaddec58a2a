using ECourt.Domain.Cases;

namespace ECourt.Domain.Fees;

/// <summary>The fee stage's parts of the case: its fee notice and fee aid.</summary>
public static class FeesParts
{
    public static readonly CasePart FeeNotice = CasePart.Of<FeeNotice>("feeNotice");
    public static readonly CasePart FeeAid = CasePart.Of<FeeAid>("feeAid");

    extension(CourtCase c)
    {
        /// <summary>The notice to pay the acceptance fee, issued at registration.</summary>
        public FeeNotice? FeeNotice => c.Part<FeeNotice>();

        /// <summary>An application to defer, reduce or waive the fee, and its decision.</summary>
        public FeeAid? FeeAid => c.Part<FeeAid>();
    }
}
