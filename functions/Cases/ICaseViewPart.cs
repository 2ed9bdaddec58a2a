using ECourt.Application.Cases;
using ECourt.Domain.Cases;

namespace ECourt.Functions.Cases;

/// <summary>
/// A stage's part of the case view: its name in the JSON, its type (for the API document), and its value for a case
/// (null: left out). Each stage registers its parts; the core view knows none of them.
/// </summary>
public interface ICaseViewPart
{
    string Name { get; }

    Type Type { get; }

    object? Of(CourtCase c, CaseFile? file);
}

/// <summary>A view part from a function of the case alone.</summary>
public sealed class CaseViewPart<T>(string name, Func<CourtCase, CaseFile?, T?> of) : ICaseViewPart where T : class
{
    public string Name => name;

    public Type Type => typeof(T);

    public object? Of(CourtCase c, CaseFile? file) => of(c, file);
}
