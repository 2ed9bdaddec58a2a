using ECourt.Application.Access;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A service as the caller may see it: what was served on which party, where it stands and when, for everyone who may see
/// the case; <see cref="Details"/> (recipient, route, addresses, attempts, evidence, certificate) only where
/// <see cref="Domain.Access.PartyDetails.SeesDetailsOf(IReadOnlySet{Domain.Access.CaseRelation}, IReadOnlySet{int}, int)"/> allows.
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
public sealed class ListServices(ServiceRecords records)
{
    public async Task<IReadOnlyList<ListedService>> RunAsync(CaseGrant grant, CancellationToken ct)
    {
        var parties = grant.Parties;
        return (await records.ListAsync(grant.CaseId, ct)).OrderBy(r => r.StartedAt)
            .Select(r => ListedService.Of(r, PartyDetails.SeesDetailsOf(grant.Relations, parties, r.PartyNumber))).ToList();
    }
}
