using ECourt.Domain.Parties;

namespace ECourt.Domain.Filing;

/// <summary>
/// Who may file (CPL art. 122; Lawyers Law art. 39): the filer is a plaintiff or acts for one, and acts for one side
/// only, so that nothing the filer says about the other side counts as that side's own statement (its consent to
/// electronic service, its confirmed addresses).
/// </summary>
public static class Filer
{
    public static void Check(IReadOnlyList<Party> parties, string filerId)
    {
        if (!parties.Any(p => p.Role == PartyRole.Plaintiff && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-not-a-party", "The filer must be a plaintiff or act for one (CPL art. 122).", "parties");
        if (parties.Any(p => p.Role == PartyRole.Defendant && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-acts-for-both-sides",
                "The filer is, or acts for, a plaintiff and cannot also be or act for a defendant: a representative acts for one side only (Lawyers Law art. 39).",
                "parties");
    }
}
