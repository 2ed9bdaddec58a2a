namespace ECourt.Application.Cases;

/// <summary>
/// A field every request of its record must give (<c>[property: Required]</c>): present, not null, and for a string not
/// empty. The API document lists it as required and <see cref="RequestContract"/> refuses a body without it, naming it.
/// Request records keep every property nullable so that the contract, not the JSON reader, names what is missing; a
/// field required only in some cases (an identity number for a plaintiff) stays with the use case's rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;
