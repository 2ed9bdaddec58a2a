namespace ECourt.Application.ServiceOfProcess;

/// <summary>Reads the service's record and what it means for the workflow's next step.</summary>
public sealed class ReadServiceState(ServiceRecords records)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default) =>
        records.StateOf((await records.GetAsync(input.CaseId, input.ServiceId, ct)).Value);
}
