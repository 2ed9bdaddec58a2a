using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// The public dishonest list: one entry per debtor listed in a case, found by the debtor's name (the list's one query). Writing an
/// entry that is there, or removing one that is not, changes nothing.
/// </summary>
public interface IDishonestList
{
    Task PutAsync(PublicListing listing, CancellationToken ct = default);

    Task RemoveAsync(string name, string caseId, int debtor, CancellationToken ct = default);

    Task<IReadOnlyList<PublicListing>> FindAsync(string name, CancellationToken ct = default);
}
