using ECourt.Domain.Cases;

namespace ECourt.Domain.Assignment;

/// <summary>The assignment's part of the case.</summary>
public static class AssignmentParts
{
    public static readonly CasePart Summary = CasePart.Of<CaseAssignment>("assignment");

    extension(CourtCase c)
    {
        /// <summary>The case's judge and clerk, once assigned (or its wait for an eligible member).</summary>
        public CaseAssignment? Assignment => c.Part<CaseAssignment>();
    }
}
