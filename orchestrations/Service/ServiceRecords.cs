using ECourt.Domain.Calendar;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;

namespace ECourt.Orchestrations.Service;

/// <summary>Changes a service record under its ETag, retrying when someone else changed it meanwhile.</summary>
public sealed class ServiceRecords(IServiceStore store, ServiceOptions options, DeadlineCalculator deadlines)
{
    private const int MaxAttempts = 50;

    public sealed record Change(StoredService Before, StoredService After)
    {
        public bool Changed => !ReferenceEquals(Before, After);
    }

    /// <summary><paramref name="change"/> returns the changed record, or null when there is nothing to change.</summary>
    public async Task<Change> UpdateAsync(string caseId, string serviceId, Func<ServiceRecord, ServiceRecord?> change, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetAsync(caseId, serviceId, ct) ?? throw new KeyNotFoundException($"No service {serviceId} in case {caseId}.");
            var changed = change(stored.Record);
            if (changed is null || changed == stored.Record) return new Change(stored, stored);
            try
            {
                return new Change(stored, await store.SaveAsync(changed, stored.ETag, ct));
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    public async Task<StoredService> GetAsync(string caseId, string serviceId, CancellationToken ct = default) =>
        await store.GetAsync(caseId, serviceId, ct) ?? throw new KeyNotFoundException($"No service {serviceId} in case {caseId}.");

    public ServiceState StateOf(ServiceRecord r)
    {
        var current = r.Current;
        var dispatchDue = r.Status == ServiceStatus.InProgress && current is null && r.Step.Method == ServiceMethod.Post && r.DispatchBy is not null && !r.DispatchOverdueFlagged;
        DateTimeOffset? wakeAt = r.Status switch
        {
            ServiceStatus.InProgress when current is not null => current.StartedAt + options.TimeoutOf(r.Step.Method),
            ServiceStatus.InProgress when dispatchDue => r.DispatchBy,
            ServiceStatus.PublicNoticePosted when r.PublicNoticeLastPosted is { } posted => PublicNotice.DeemedServed(deadlines, posted).EndsAt,
            _ => null,
        };
        return new ServiceState(r.Status, r.CurrentStep, r.Step.Method, r.Round, current is { Outcome: not "sending" }, current?.Outcome == "failed", r.CertificateId is not null,
            wakeAt, dispatchDue, r.Status == ServiceStatus.AwaitingClerk && !r.ClerkFlagged);
    }
}
