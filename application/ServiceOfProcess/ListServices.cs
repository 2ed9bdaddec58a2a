using ECourt.Application.Access;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A service as the caller may see it: what was served on which party, where it stands and when, for everyone who may see
/// the case; <see cref="Details"/> (recipient, route, addresses, attempts, evidence, certificate) only where
/// <see cref="ListServices.SeesDetails"/> allows.
/// </summary>
public sealed record ListedService(string ServiceId, string DocumentId, ServedDocumentKind Kind, int PartyNumber, ServiceStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset? ServedAt, ServiceRecord? Details)
{
    public static ListedService Of(ServiceRecord r, bool details) =>
        new(r.ServiceId, r.DocumentId, r.Kind, r.PartyNumber, r.Status, r.StartedAt, r.ServedAt, details ? r : null);
}

/// <summary>
/// Every service of the case's documents, for those who may see the case (service is part of the case file); a party's
/// addresses and the evidence of its service only for that party and the court's staff.
/// </summary>
public sealed class ListServices(CaseAccess access, ServiceRecords records)
{
    public async Task<IReadOnlyList<ListedService>> RunAsync(string caseId, CourtUser caller, CancellationToken ct)
    {
        var c = (await access.LoadAsync(caseId, caller, ct)).Case;
        return (await records.ListAsync(caseId, ct)).OrderBy(r => r.StartedAt)
            .Select(r => ListedService.Of(r, SeesDetails(caller, c, r))).ToList();
    }

    /// <summary>
    /// Who sees where and how a party was served (its phone, email and postal addresses, the attempts and their evidence): the
    /// court's case staff, and the party served or whoever acts for it. The other parties see what was served on it and when.
    /// </summary>
    public static bool SeesDetails(CourtUser caller, CourtCase c, ServiceRecord r) =>
        (string.Equals(caller.Court, c.Court, StringComparison.Ordinal) && Roles.CaseStaff.Overlaps(caller.Roles))
        || c.Parties.Any(p => p.PartyNumber == r.PartyNumber && p.IsActedForBy(caller.Id));
}
