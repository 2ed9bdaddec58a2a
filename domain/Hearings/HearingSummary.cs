using ECourt.Domain.Cases;

namespace ECourt.Domain.Hearings;

/// <summary>
/// The hearings of a case in its snapshot (the part "hearings"): few and small (a case has a handful,
/// <see cref="HearingRules.MaxHearings"/> at most), each with its notices; the record of a hearing held (attendance, minutes)
/// is a row of its own.
/// </summary>
public sealed record HearingSummary(IReadOnlyList<Hearing> Hearings)
{
    public static HearingSummary Empty { get; } = new([]);

    public Hearing? Find(string hearingId) => Hearings.FirstOrDefault(h => h.HearingId == hearingId);

    public HearingSummary Replacing(Hearing hearing) =>
        new(Hearings.Select(h => h.HearingId == hearing.HearingId ? hearing : h).ToList());
}

public static class HearingParts
{
    public static readonly CasePart Summary = CasePart.Of<HearingSummary>("hearings");

    extension(CourtCase c)
    {
        /// <summary>The hearings, once one was scheduled.</summary>
        public HearingSummary? Hearings => c.Part<HearingSummary>();

        public CourtCase WithHearings(HearingSummary summary) => c.With(summary);
    }
}
