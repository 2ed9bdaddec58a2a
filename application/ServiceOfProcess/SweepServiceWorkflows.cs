using ECourt.Application.Cases;
using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The service workflows' sweep: each open service is looked at a while after its record was made and every hour after.
/// One whose record is served and certified (or was never made) leaves the index; one whose workflow is missing, failed
/// or terminated gets a new one, which carries on from where its record stands (the record is the truth); one whose
/// workflow runs is looked at again later. Every row looked at is moved or removed, so no row hides the ones after it.
/// </summary>
public sealed class SweepServiceWorkflows(IOpenServiceIndex index, ICaseStore store, TimeProvider clock,
    ILogger<SweepServiceWorkflows> log)
{
    /// <summary>How long after a record is made the sweep first looks: its workflow has been started by then.</summary>
    public static readonly TimeSpan FirstCheck = TimeSpan.FromMinutes(10);

    /// <summary>How often the sweep looks at a service whose workflow runs.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromHours(1);

    /// <summary>Rows looked at in one sweep; each is moved on, so the next sweep takes others.</summary>
    public const int MaxRowsPerSweep = 500;

    /// <param name="Restarted">services whose workflow was missing or ended and was started again</param>
    /// <param name="Closed">rows removed: their service served and certified, or never recorded</param>
    public sealed record Result(IReadOnlyList<ServiceRef> Restarted, int Closed, int Looked);

    public static bool Done(ServiceRecord r) => r.Status == ServiceStatus.Served && r.CertificateId is not null;

    public async Task<Result> RunAsync(IServiceWorkflows workflows, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await index.DueAsync(now, MaxRowsPerSweep, ct);
        var restarted = new List<ServiceRef>();
        var closed = 0;
        foreach (var row in due)
        {
            var record = (await store.GetRowAsync(row.CaseId, ServiceRows.Services, row.ServiceId, ct))?.Value;
            if (record is null || Done(record))
            {
                await index.RemoveAsync(row, ct);
                closed++;
                continue;
            }
            var service = new ServiceRef(row.CaseId, row.ServiceId);
            var running = await workflows.StateAsync(service, ct) == LifecycleInstanceState.Running;
            if (!running)
            {
                log.LogWarning("Service {ServiceId} of case {CaseId} is {Status} and no workflow runs; starting one", row.ServiceId,
                    row.CaseId, record.Status);
                await workflows.StartAsync(service, ct);
                restarted.Add(service);
            }
            await index.SetAsync(row with { CheckAt = now + (running ? Recheck : FirstCheck) }, ct);
        }
        return new Result(restarted, closed, due.Count);
    }
}
