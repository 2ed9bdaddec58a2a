using ECourt.Application.Cases;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A service whose workflow should be running (its record not yet served and certified), and when the sweep next looks
/// at it (court time).
/// </summary>
public sealed record OpenService(string CaseId, string ServiceId, DateTimeOffset CheckAt);

/// <summary>
/// The services whose workflow should be running, across cases: a row per service, written before its record, so that the
/// sweep finds a workflow that failed, was terminated or never started, without reading every case.
/// </summary>
public interface IOpenServiceIndex
{
    /// <summary>Writes the service's row, or moves it to its new time.</summary>
    Task SetAsync(OpenService service, CancellationToken ct = default);

    Task RemoveAsync(OpenService service, CancellationToken ct = default);

    /// <summary>Rows to look at, at or before <paramref name="until"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OpenService>> DueAsync(DateTimeOffset until, int max, CancellationToken ct = default);
}

/// <summary>
/// The service workflows as the durable engine holds them, for the sweep. Implemented with a durable client, which the
/// Functions app binds per invocation: the sweep takes it as an argument.
/// </summary>
public interface IServiceWorkflows
{
    Task<LifecycleInstanceState> StateAsync(ServiceRef service, CancellationToken ct = default);

    /// <summary>Starts the service's workflow unless one runs (an ended instance's id is reused).</summary>
    Task StartAsync(ServiceRef service, CancellationToken ct = default);
}
