using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// A debtor as the public dishonest list shows it (SPC Provisions on the List of Dishonest Judgment Debtors, 2017, art. 6): the name,
/// the identity number masked (a person's: the first 6 and last 4 characters; an organisation's unified credit code is public and shown
/// whole), the court, the case number, the ground and the day listed. Nothing else of the case.
/// </summary>
public sealed record PublicListing(string Name, string IdNumber, string IdSuffix, string Court, string CaseNumber, DishonestGround Ground,
    DateOnly ListedSince, string CaseId, int Debtor)
{
    public static PublicListing Of(CourtCase c, DishonestListing l)
    {
        var debtor = c.Parties.Single(p => p.PartyNumber == l.Debtor);
        var id = debtor.CreditCode ?? debtor.IdNumber ?? "";
        return new PublicListing(debtor.Name, debtor.Kind == PartyKind.Organisation ? id : Mask(id), Suffix(id), c.Court, c.CaseNumber!,
            l.Ground, Calendar.ChinaTime.DateOf(l.DecidedAt), c.CaseId, l.Debtor);
    }

    /// <summary>The last 4 characters, which a searcher gives to tell people of the same name apart.</summary>
    public static string Suffix(string id) => id.Length <= 4 ? id : id[^4..];

    /// <summary>A person's identity number with all but its first 6 (the region) and last 4 characters hidden.</summary>
    public static string Mask(string id) => id.Length <= 10 ? new string('*', Math.Max(0, id.Length - 4)) + Suffix(id)
        : id[..6] + new string('*', id.Length - 10) + id[^4..];
}
