namespace ECourt.Application.ServiceOfProcess;

/// <summary>Where a provider's message id leads: the service and the step it was sent for.</summary>
public sealed record ServiceMessage(string CaseId, string ServiceId, int Step);

/// <summary>A delivery report for a message no service sent.</summary>
public sealed record UnmatchedReport(string Channel, string MessageId, string Evidence, DateTimeOffset ReportedAt,
    DateTimeOffset ReceivedAt);

/// <summary>
/// The index from a provider's message id to the service that sent it (delivery reports name only the message), and the
/// reports that matched none, kept so operators can see them.
/// </summary>
public interface IServiceMessageIndex
{
    Task IndexMessageAsync(string provider, string messageId, ServiceMessage target, CancellationToken ct = default);

    Task<ServiceMessage?> FindByMessageAsync(string provider, string messageId, CancellationToken ct = default);

    /// <summary>Keeps a delivery report no service sent (the same report again is kept once).</summary>
    Task RecordUnmatchedReportAsync(UnmatchedReport report, CancellationToken ct = default);

    Task<IReadOnlyList<UnmatchedReport>> UnmatchedReportsAsync(string channel, CancellationToken ct = default);
}
