using ECourt.Domain.Service;

namespace ECourt.Domain.Ports;

public sealed record StoredService(ServiceRecord Record, string ETag);

/// <summary>Where a provider's message id leads: the service and the step it was sent for.</summary>
public sealed record ServiceMessage(string CaseId, string ServiceId, int Step);

/// <summary>Service records, in their case's partition, and the index from a provider's message id to its service.</summary>
public interface IServiceStore
{
    Task<StoredService?> GetAsync(string caseId, string serviceId, CancellationToken ct = default);

    /// <summary>Creates the record; null when a service of that document on that party already exists.</summary>
    Task<StoredService?> CreateAsync(ServiceRecord record, CancellationToken ct = default);

    /// <summary>Saves a change; throws <see cref="ConcurrentChangeException"/> when the record changed since <paramref name="etag"/>.</summary>
    Task<StoredService> SaveAsync(ServiceRecord record, string etag, CancellationToken ct = default);

    Task<IReadOnlyList<ServiceRecord>> ListAsync(string caseId, CancellationToken ct = default);

    Task IndexMessageAsync(string provider, string messageId, ServiceMessage target, CancellationToken ct = default);

    Task<ServiceMessage?> FindByMessageAsync(string provider, string messageId, CancellationToken ct = default);

    /// <summary>Keeps a delivery report no service sent (the same report again is kept once), so operators can see it.</summary>
    Task RecordUnmatchedReportAsync(UnmatchedReport report, CancellationToken ct = default);

    Task<IReadOnlyList<UnmatchedReport>> UnmatchedReportsAsync(string channel, CancellationToken ct = default);
}

/// <summary>A delivery report for a message no service sent.</summary>
public sealed record UnmatchedReport(string Channel, string MessageId, string Evidence, DateTimeOffset ReportedAt, DateTimeOffset ReceivedAt);
