using ECourt.Domain.Cases;
using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Orchestrations.Service;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Service;

/// <summary>
/// Starts serving a document on a party and records what happens to it. The record is written first,
/// then the workflow is started or signalled; the workflow reads the record, so a lost start or signal
/// only waits for the workflow's next timer (or the next request to serve the same document).
/// </summary>
public sealed class ServiceDispatch(IServiceStore store, ServiceRecords records, ServiceOptions options, TimeProvider clock, ILogger<ServiceDispatch> log)
{
    /// <summary>Serves the document on the party: once, however often asked (one service per document and recipient).</summary>
    public async Task<ServiceRecord> StartAsync(DurableTaskClient client, CourtCase courtCase, string documentId, string documentSha256, ServedDocumentKind kind,
        int partyNumber, CancellationToken ct)
    {
        var party = courtCase.Parties.Single(p => p.PartyNumber == partyNumber);
        var route = ServiceRoute.For(party, courtCase.FiledBy, options.ChannelOrder);
        var record = ServiceRecord.Start(courtCase.CaseId, documentId, kind, documentSha256, partyNumber, party.Name, party.PlatformAccount, route, clock.GetUtcNow());
        var created = await store.CreateAsync(record, ct);
        var current = created?.Record ?? (await store.GetAsync(courtCase.CaseId, record.ServiceId, ct))!.Record;
        await StartWorkflowAsync(client, new ServiceRef(courtCase.CaseId, record.ServiceId), log, ct);
        return current;
    }

    /// <summary>Starts the service's workflow unless it exists: starting it again could restart it.</summary>
    public static async Task StartWorkflowAsync(DurableTaskClient client, ServiceRef service, ILogger log, CancellationToken ct)
    {
        var instanceId = ServiceWorkflow.InstanceId(service.CaseId, service.ServiceId);
        if (await client.GetInstanceAsync(instanceId, false, ct) is not null) return;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ServiceWorkflow.Name, service, new StartOrchestrationOptions(instanceId), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(instanceId, false, ct) is null) throw;
            log.LogInformation("Service {ServiceId} of case {CaseId}: its workflow was started concurrently", service.ServiceId, service.CaseId);
        }
    }

    /// <summary>Applies a change to the record and wakes the workflow's wait, whichever round it waits on.</summary>
    public async Task<ServiceRecord> ChangeAsync(DurableTaskClient client, string caseId, string serviceId, Func<ServiceRecord, ServiceRecord?> change, string what,
        CancellationToken ct)
    {
        var result = await records.UpdateAsync(caseId, serviceId, change, ct);
        if (!result.Changed) return result.After.Record;
        var instanceId = ServiceWorkflow.InstanceId(caseId, serviceId);
        foreach (var round in new[] { result.Before.Record.Round, result.After.Record.Round }.Distinct())
        {
            try
            {
                await client.RaiseEventAsync(instanceId, ServiceWorkflow.ChangedEvent(round), new ServiceChange(what), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Service {ServiceId} of case {CaseId}: could not signal its workflow after {What}; its timer will catch up", serviceId, caseId, what);
            }
        }
        return result.After.Record;
    }
}
