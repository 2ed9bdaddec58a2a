using System.Text.Json.Serialization;

namespace ECourt.Application.Cases;

/// <summary>Where a case's lifecycle instance stands in the durable engine.</summary>
public enum LifecycleInstanceState
{
    /// <summary>Running or about to: it keeps the case's deadlines.</summary>
    [JsonStringEnumMemberName("running")]
    Running,
    /// <summary>No instance at all (never started, or purged).</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,
    /// <summary>Completed, failed or terminated: nothing keeps the case's deadlines.</summary>
    [JsonStringEnumMemberName("ended")]
    Ended,
}

/// <summary>
/// The case lifecycles as the durable engine holds them, for the sweep and the operators' routes. Implemented with a
/// durable client, which the Functions app binds per invocation: the use cases take it as an argument.
/// </summary>
public interface ILifecycleInstances
{
    Task<LifecycleInstanceState> StateAsync(string caseId, CancellationToken ct = default);

    /// <summary>Starts the case's lifecycle where none runs (an ended instance's id is reused); wakes it where one runs.</summary>
    Task<LifecycleInstanceState> RestartAsync(string caseId, CancellationToken ct = default);
}
