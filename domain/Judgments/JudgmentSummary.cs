using ECourt.Domain.Cases;

namespace ECourt.Domain.Judgments;

/// <summary>The judgment that ended the first instance, in the case's snapshot (the part "judgment"); its text is a row.</summary>
public static class JudgmentParts
{
    public static readonly CasePart Summary = CasePart.Of<Judgment>("judgment");

    extension(CourtCase c)
    {
        /// <summary>The judgment, ruling or mediation statement, once issued.</summary>
        public Judgment? Judgment => c.Part<Judgment>();

        public CourtCase WithJudgment(Judgment judgment) => c.With(judgment);
    }
}
