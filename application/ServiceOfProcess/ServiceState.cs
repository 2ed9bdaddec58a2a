using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>What the workflow needs to decide its next step, read from the table by court time.</summary>
/// <param name="WakeAt">
/// when the current wait ends without evidence (court time): the channel's timeout, public notice's 30 days, the dispatch deadline
/// </param>
/// <param name="WaitFor">
/// how long from now until <paramref name="WakeAt"/> (zero when it has passed): what the workflow's timer waits
/// </param>
/// <param name="DispatchDue">
/// the post step waits for the clerk to mail a complaint copy, and its 5-day dispatch deadline is what the wait ends at
/// </param>
/// <param name="ClerkToFlag">the route ran out and the clerk has not been told yet</param>
/// <param name="FailedRounds">
/// in the workflow's custom status only: its rounds that failed in a row after their retries (it waits them out)
/// </param>
public sealed record ServiceState(ServiceStatus Status, int CurrentStep, ServiceMethod Method, int Round, bool Started, bool Refused,
    bool Certified, DateTimeOffset? WakeAt, bool DispatchDue = false, bool ClerkToFlag = false, TimeSpan? WaitFor = null,
    int FailedRounds = 0);
