using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Publication;

/// <summary>
/// What the case record knows of the people a judgment names, for its anonymisation: each party (a person or an organisation, a
/// minor, its identity number, phone and address) and those who act for it (a guardian or legal representative as its legal
/// representative; lawyers and other agents as agents, whose names are kept). The kind of case follows its type and cause: divorce,
/// marriage, family and inheritance disputes pseudonymise their parties.
/// </summary>
public static class CasePersons
{
    private static readonly string[] FamilyCauses = ["离婚", "婚姻", "继承", "遗产", "遗嘱", "抚养", "赡养", "扶养", "监护", "收养", "同居"];

    public static JudgmentCaseKind KindOf(CourtCase c) =>
        c.CaseType == FeeCaseType.Divorce || FamilyCauses.Any(x => c.Cause.Contains(x, StringComparison.Ordinal))
            ? JudgmentCaseKind.Family
            : JudgmentCaseKind.Ordinary;

    public static IReadOnlyList<ProtectedPerson> Of(CourtCase c) => c.Parties.SelectMany(PeopleOf).ToList();

    private static IEnumerable<ProtectedPerson> PeopleOf(Party p)
    {
        var role = p.Role switch
        {
            PartyRole.Plaintiff => PersonRole.Plaintiff,
            PartyRole.Defendant => PersonRole.Defendant,
            _ => PersonRole.ThirdParty,
        };
        yield return new ProtectedPerson(p.Name, role, p.Kind == PartyKind.Organisation, p.Minor, IdNumber: p.IdNumber ?? p.CreditCode,
            Phone: p.Phone, Address: p.Address);
        foreach (var r in p.Representatives)
            yield return new ProtectedPerson(r.Name,
                r.Kind is RepresentativeKind.Guardian or RepresentativeKind.LegalRepresentative ? PersonRole.LegalRepresentative
                    : PersonRole.Agent);
    }
}
