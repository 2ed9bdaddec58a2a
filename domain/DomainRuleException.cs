namespace ECourt.Domain;

/// <summary>
/// A rule of the court refused an action. <see cref="Rule"/> is the rule's stable name
/// (it becomes the problem type), <see cref="Field"/> the input it concerns, if any.
/// </summary>
public class DomainRuleException(string rule, string message, string? field = null) : Exception(message)
{
    public string Rule { get; } = rule;
    public string? Field { get; } = field;
}
