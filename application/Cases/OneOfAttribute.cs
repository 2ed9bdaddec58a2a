namespace ECourt.Application.Cases;

/// <summary>
/// A string (or each string of a list) that is one of an enum's wire names (<c>[property: OneOf(typeof(PartyRole))]</c>):
/// the API document references the enum's component and <see cref="RequestContract"/> refuses any other value, listing
/// the values. A use case may still refuse a listed value its rule does not allow here, with the rule's message.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(Type values) : Attribute
{
    public Type Values { get; } = values.IsEnum ? values : throw new ArgumentException($"{values.Name} is not an enum.", nameof(values));
}
