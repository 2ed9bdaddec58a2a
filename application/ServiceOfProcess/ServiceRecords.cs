using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Each service's row in its case's partition: "svc-{serviceId}", with its own ETag.</summary>
public static class ServiceRows
{
    public static readonly CaseRowKind<ServiceRecord> Services = new("svc-");
}

/// <summary>Reads and changes service records (rows of the case with their own ETag), and what they mean for the workflow.</summary>
public sealed class ServiceRecords(ICaseStore store, CaseChanges changes, IDurableMessaging messaging, ServiceOptions options,
    DeadlineCalculator deadlines, IOpenServiceIndex open, TimeProvider clock)
{
    public async Task<StoredRow<ServiceRecord>> GetAsync(string caseId, string serviceId, CancellationToken ct = default) =>
        await store.GetRowAsync(caseId, ServiceRows.Services, serviceId, ct)
            ?? throw new KeyNotFoundException($"No service {serviceId} in case {caseId}.");

    public Task<IReadOnlyList<ServiceRecord>> ListAsync(string caseId, CancellationToken ct = default) =>
        store.ListRowsAsync(caseId, ServiceRows.Services, ct);

    /// <summary>Changes the record (null: nothing to change); for the workflow's own steps, which need not wake it.</summary>
    public Task<CaseChanges.RowChange<ServiceRecord>> UpdateAsync(string caseId, string serviceId,
        Func<ServiceRecord, ServiceRecord?> change, CancellationToken ct = default) =>
        changes.ChangeRowAsync(caseId, ServiceRows.Services, serviceId, change, ct);

    /// <summary>Changes the record and wakes the workflow's wait, whichever round it waits on.</summary>
    public async Task<ServiceRecord> ChangeAsync(string caseId, string serviceId, Func<ServiceRecord, ServiceRecord?> change, string what,
        CancellationToken ct)
    {
        var result = await UpdateAsync(caseId, serviceId, change, ct);
        if (result.Changed)
            await messaging.SendAsync(new ServiceChanged(caseId, serviceId,
                new[] { result.Before.Value.Round, result.After.Value.Round }.Distinct().ToList(), what), ct);
        return result.After.Value;
    }

    /// <summary>
    /// Serves a document of the case on a party along the party's route, by its own workflow: the record once (asking again is
    /// the same service), then the workflow's start, which throws when it cannot be queued so the caller is retried.
    /// </summary>
    public async Task<ServiceRecord> StartAsync(CourtCase c, CaseDocument document, ServedDocumentKind kind, Party party,
        DateTimeOffset now, DateTimeOffset? dispatchBy, CancellationToken ct)
    {
        var started = ServiceRecord.Start(c.CaseId, document.DocumentId, kind, document.Sha256, party.PartyNumber, party.Name,
            party.PlatformAccount, ServiceRoute.For(party, c.FiledBy, options.ChannelOrder), now);
        var record = await CreateAsync(started with { DispatchBy = dispatchBy }, ct);
        await messaging.SendAsync(new StartServiceWorkflow(c.CaseId, record.ServiceId), ct);
        return record;
    }

    /// <summary>
    /// Creates the record once (a second request to serve the same document on the same party is the first service). The
    /// sweep's row of open services is written first: a crash before the record leaves a row the sweep removes, never a
    /// record whose workflow nobody looks after.
    /// </summary>
    public async Task<ServiceRecord> CreateAsync(ServiceRecord record, CancellationToken ct)
    {
        await open.SetAsync(new OpenService(record.CaseId, record.ServiceId, clock.GetUtcNow() + SweepServiceWorkflows.FirstCheck), ct);
        if (await changes.InsertRowAsync(record.CaseId, ServiceRows.Services, record.ServiceId, record, ct)) return record;
        return (await GetAsync(record.CaseId, record.ServiceId, ct)).Value;
    }

    public ServiceState StateOf(ServiceRecord r)
    {
        var current = r.Current;
        var dispatchDue = r.Status == ServiceStatus.InProgress && current is null && r.Step.Method == ServiceMethod.Post
            && r.DispatchBy is not null && !r.DispatchOverdueFlagged;
        DateTimeOffset? wakeAt = r.Status switch
        {
            ServiceStatus.InProgress when current is not null => current.StartedAt + options.TimeoutOf(r.Step.Method),
            ServiceStatus.InProgress when dispatchDue => r.DispatchBy,
            ServiceStatus.PublicNoticePosted when r.PublicNoticeLastPosted is { } posted =>
                PublicNotice.DeemedServed(deadlines, posted).EndsAt,
            _ => null,
        };
        var now = clock.GetUtcNow();
        return new ServiceState(r.Status, r.CurrentStep, r.Step.Method, r.Round, current is { Outcome: not "sending" },
            current?.Outcome == "failed", r.CertificateId is not null, wakeAt, dispatchDue,
            r.Status == ServiceStatus.AwaitingClerk && !r.ClerkFlagged, wakeAt is { } w ? (w > now ? w - now : TimeSpan.Zero) : null);
    }
}
