namespace ECourt.Domain.Fees;

/// <summary>
/// One band of a cumulative scale: the part of the amount above <see cref="From"/> and up to
/// <see cref="To"/> (null: no upper limit) is charged at <see cref="Rate"/>.
/// </summary>
public sealed record FeeBand(decimal From, decimal? To, decimal Rate);

public static class CumulativeScale
{
    /// <summary>A fixed charge for the first band plus each higher band's rate on the part inside it.</summary>
    public static decimal Apply(decimal amount, decimal firstBandCharge, decimal firstBandLimit, IReadOnlyList<FeeBand> bands)
    {
        if (amount <= firstBandLimit) return firstBandCharge;
        var fee = firstBandCharge;
        foreach (var band in bands)
        {
            if (amount <= band.From) break;
            var top = band.To is { } to && amount > to ? to : amount;
            fee += (top - band.From) * band.Rate;
        }
        return fee;
    }
}
