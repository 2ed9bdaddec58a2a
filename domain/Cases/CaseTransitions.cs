namespace ECourt.Domain.Cases;

/// <summary>
/// The transition table: every stage's actions (<see cref="ICaseModule.Actions"/>). An action from a state its row
/// does not allow is refused, naming both.
/// </summary>
public static class CaseTransitions
{
    public static IReadOnlyList<CaseAction> Table { get; } = CaseModules.All.SelectMany(m => m.Actions).ToList();

    public static CaseStatus Target(CaseStatus current, CaseAction action)
    {
        if (!action.From.Contains(current)) throw new TransitionRefusedException(current, action);
        return action.KeepsState ? current : action.To;
    }

    public static bool IsAllowed(CaseStatus current, CaseAction action) => action.From.Contains(current);
}

/// <summary>An action was attempted from a state the table does not allow it from.</summary>
public sealed class TransitionRefusedException(CaseStatus current, CaseAction action)
    : DomainRuleException("transition-not-allowed", $"The case is {current}; {action.Name} is not allowed from that state.")
{
    public CaseStatus Current { get; } = current;
    public CaseAction Action { get; } = action;
}
