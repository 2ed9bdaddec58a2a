using ECourt.Application.Cases;
using ECourt.Domain.Parties;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>POST /api/judgments/redaction-preview: a judgment's text, the people the case knows, and the case's type.</summary>
public sealed record RedactionPreviewRequest(
    [property: Required, Bound(RedactionPreviewRequest.MaxTextChars)] string? Text,
    [property: Bound(RedactionPreviewRequest.MaxPersons)] List<PreviewPerson>? Persons,
    [property: Required, OneOf(typeof(PublicationCaseType)), Bound(Bounds.WireName)] string? CaseType)
{
    /// <summary>A long judgment runs to some tens of thousands of characters: four times that, within a request body's MiB.</summary>
    public const int MaxTextChars = 200_000;

    /// <summary>Parties, representatives, agents, witnesses and the bench of a large case, with room to spare.</summary>
    public const int MaxPersons = 200;
}

/// <summary>A person the judgment names, as the case record knows them.</summary>
public sealed record PreviewPerson(
    [property: Required, Bound(Bounds.Name)] string? Name,
    [property: Required, OneOf(typeof(PersonRole)), Bound(Bounds.WireName)] string? Role,
    [property: OneOf(typeof(PartyKind)), Bound(Bounds.WireName)] string? Kind,
    bool? Minor,
    bool? EthnicMinority,
    bool? Foreign,
    [property: Bound(Bounds.Code)] string? IdNumber,
    [property: Bound(Bounds.Code)] string? Phone,
    [property: Bound(Bounds.Note)] string? Address);
