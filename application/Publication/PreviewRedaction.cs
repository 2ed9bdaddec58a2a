using ECourt.Application.Cases;
using ECourt.Domain.Parties;
using ECourt.Domain.Publication;

namespace ECourt.Application.Publication;

/// <summary>
/// A clerk or judge sees how a judgment's text would be anonymised for publication, and every redaction with its kind and place in
/// the text sent (SPC Provisions on Publishing Judgments on the Internet, 2016). Nothing is stored.
/// </summary>
public sealed class PreviewRedaction
{
    public AnonymisedText Run(RedactionPreviewRequest r)
    {
        var v = new Validation();
        var type = v.Enum<PublicationCaseType>(r.CaseType, "caseType");
        var people = new List<ProtectedPerson>();
        var persons = r.Persons ?? [];
        for (var i = 0; i < persons.Count; i++)
        {
            var p = persons[i];
            var role = v.Enum<PersonRole>(p.Role, $"persons[{i}].role");
            var kind = p.Kind is null ? PartyKind.Person : v.Enum<PartyKind>(p.Kind, $"persons[{i}].kind");
            if (role is { } known && kind is { } k)
                people.Add(new ProtectedPerson(p.Name!, known, k == PartyKind.Organisation, p.Minor == true, p.EthnicMinority == true,
                    p.Foreign == true, p.IdNumber, p.Phone, p.Address));
        }
        v.ThrowIfAny();
        return Anonymiser.Anonymise(r.Text!, people, type!.Value.Kind());
    }
}
