using ECourt.Domain.Parties;

namespace ECourt.Domain.Filing;

/// <summary>
/// Who may file (CPL art. 122; Lawyers Law art. 39): the filer is a plaintiff or acts for one, and acts for one side
/// only, so that nothing the filer says about the other side counts as that side's own statement (its consent to
/// electronic service, its confirmed addresses), and no service on a defendant or third party lands in the filer's inbox.
/// </summary>
public static class Filer
{
    /// <summary>The filer's own account may be named on a party of this role, or on one who acts for it: a plaintiff only.</summary>
    public static bool MayNameOwnAccountOn(PartyRole role) => role == PartyRole.Plaintiff;

    public static void Check(IReadOnlyList<Party> parties, string filerId)
    {
        if (!parties.Any(p => p.Role == PartyRole.Plaintiff && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-not-a-party", "The filer must be a plaintiff or act for one (CPL art. 122).", "parties");
        if (parties.Any(p => !MayNameOwnAccountOn(p.Role) && p.IsActedForBy(filerId)))
            throw new DomainRuleException("filer-acts-for-both-sides",
                "The filer is, or acts for, a plaintiff and cannot also be or act for a defendant or third party: a representative acts "
                + "for one side only (Lawyers Law art. 39).",
                "parties");
    }
}
