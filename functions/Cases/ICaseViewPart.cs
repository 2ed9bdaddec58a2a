using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Cases;

/// <summary>
/// A stage's part of the case view: its name in the JSON, its type (for the API document), and its value for a case as
/// a caller sees it (null: left out). Each stage registers its parts; the core view knows none of them. Which callers see
/// a part at all is the access table's (<see cref="Http.AccessTable.ViewParts"/>).
/// </summary>
public interface ICaseViewPart
{
    string Name { get; }

    Type Type { get; }

    object? Of(CourtCase c, CaseFile? file, CaseViewer viewer);
}

/// <summary>A view part from a function of the case (and, where the part differs by caller, of the caller's grant).</summary>
public sealed class CaseViewPart<T>(string name, Func<CourtCase, CaseFile?, CaseViewer, T?> of) : ICaseViewPart where T : class
{
    public CaseViewPart(string name, Func<CourtCase, CaseFile?, T?> of) : this(name, (c, file, _) => of(c, file))
    {
    }

    public string Name => name;

    public Type Type => typeof(T);

    public object? Of(CourtCase c, CaseFile? file, CaseViewer viewer) => of(c, file, viewer);
}

/// <summary>Who reads the case view: the caller's grant, and the documents of the file it may see (null without the file).</summary>
public sealed record CaseViewer(CaseGrant Grant, IReadOnlyList<Domain.Documents.CaseDocument>? Documents);

/// <summary>
/// An event whose reason tells what a part of the view holds (the review's defects, the fee notice's amount and account, a
/// fee-aid application's kind and decision): each stage names its own. A caller who does not see the part sees such an event
/// without its reason (the action's legal source stands for it) where it moved the case, so the case's history stays whole,
/// and not at all where it did not.
/// </summary>
public sealed record EventOfPart(string Action, string Part);

public static class EventOfPartRegistration
{
    public static IServiceCollection AddEventsOfPart(this IServiceCollection services, string part, params string[] actions)
    {
        foreach (var action in actions) services.AddSingleton(new EventOfPart(action, part));
        return services;
    }
}
