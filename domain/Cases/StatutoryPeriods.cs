namespace ECourt.Domain.Cases;

/// <summary>
/// Periods fixed by law. They are not configurable; a court's own limits are in
/// <see cref="Courts.CourtLocalRules"/>.
/// </summary>
public static class StatutoryPeriods
{
    /// <summary>Decide on a filing within 7 days of submission (CPL art. 126).</summary>
    public const int FilingReviewDays = 7;

    /// <summary>Pay the litigation fee within 7 days from the day after the fee notice is served (Measures art. 22).</summary>
    public const int FeePaymentDays = 7;

    /// <summary>Send the complaint copy to the defendant within 5 days of registration (CPL art. 128): the dispatch is what is timed.</summary>
    public const int ComplaintDispatchDays = 5;

    /// <summary>The defendant answers within 15 days of receiving the complaint copy (CPL art. 128).</summary>
    public const int AnswerDays = 15;
}
