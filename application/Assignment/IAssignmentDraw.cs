namespace ECourt.Application.Assignment;

/// <summary>The chance in the court's rule of assignment: a number in [0, 1). Tests give their own, so a draw is known.</summary>
public interface IAssignmentDraw
{
    decimal Next();
}

/// <summary>The draw in production: the shared random source (the rule needs fairness, not secrecy).</summary>
public sealed class RandomAssignmentDraw : IAssignmentDraw
{
    public decimal Next() => Random.Shared.Next(1_000_000) / 1_000_000m;
}
