using ECourt.Domain.Money;

namespace ECourt.Domain.Courts;

/// <summary>A national range inside which a court sets its own figure (Measures art. 13, 14).</summary>
public sealed record FeeRange(string Name, decimal Minimum, decimal Maximum, string Source)
{
    public void Check(decimal figure)
    {
        if (figure < Minimum || figure > Maximum)
            throw new DomainRuleException("court-fee-figure-out-of-range",
                $"The court's figure for {Name} must be between {Yuan.Format(Minimum)} and {Yuan.Format(Maximum)} ({Source}); it is {Yuan.Format(figure)}.");
    }
}
