using ECourt.Domain.Calendar;

namespace ECourt.Domain.Filing;

/// <summary>The filing review's clock and outcome.</summary>
/// <param name="PeriodStartedAt">submission, or the arrival of corrections (the 7 days start again)</param>
/// <param name="Deadline">7 days from <paramref name="PeriodStartedAt"/> (CPL art. 126)</param>
public sealed record Review(DateTimeOffset PeriodStartedAt, Deadline Deadline, CorrectionNotice? Correction, IReadOnlyList<string>? RejectionReasons, bool RegisteredOnDeadline);

/// <summary>The one written notice listing every defect and the deadline to cure them.</summary>
public sealed record CorrectionNotice(IReadOnlyList<string> Defects, DateTimeOffset IssuedAt, string IssuedBy, Deadline CureDeadline);

/// <summary>The filing stage's part of the case: its review.</summary>
public static class FilingParts
{
    public static readonly Cases.CasePart Review = Cases.CasePart.Of<Review>("review");

    extension(Cases.CourtCase c)
    {
        /// <summary>The filing review's clock and outcome, once the filing was submitted.</summary>
        public Review? Review => c.Part<Review>();
    }
}
