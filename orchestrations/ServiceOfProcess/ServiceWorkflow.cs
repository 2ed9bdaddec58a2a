using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Orchestrations.Cases;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations.ServiceOfProcess;

/// <summary>
/// Serves one document on one party (instance "service-{caseId}-{serviceId}"): sends the notice of the
/// current step, waits for its evidence or its timeout, moves down the route (SMS, email, post, public
/// notice, or the clerk when nothing is left) until service is complete, then issues the signed certificate. The record
/// in the table is the truth; the workflow reads it before every decision.
/// </summary>
/// <remarks>
/// Each wait listens for an event named after the record's round (its number of attempts), and whoever
/// changes the record raises the round it saw and the one it left. A waiter is never cancelled and never
/// created twice for one name while it is pending, so no stale waiter swallows a signal.
///
/// It never dies while its service is open, as the case lifecycle does not: a round whose activity still fails after its
/// retries (storage down, the certificate store failing) does not fail the instance; the failures in a row are counted,
/// recorded for operators (the lifecycle list shows the stalled workflow), waited out with a durable timer that doubles
/// (the lifecycle's settings), and the workflow continues as new from its record; the first round that reaches a wait or
/// completes the service clears the stall. A notice whose gateway stays down is waited out apart (it is not a stall: the
/// same notice is tried again). Should an instance end anyway, a signal for its service starts a new one, and the sweep
/// restarts it from the index of open services.
///
/// Versions. An instance started before its input carried the timing (<see cref="ServiceWorkflowInput.Timing"/> absent)
/// keeps the retries it recorded; what changed happens only after an activity failed for good, where it used to fail.
/// </remarks>
public static class ServiceWorkflow
{
    public const string Name = nameof(ServiceWorkflow);

    public static string InstanceId(string caseId, string serviceId) => $"service-{caseId}-{serviceId}";

    public static string ChangedEvent(int round) => $"ServiceChanged-{round}";

    /// <summary>The input a new workflow starts with: its service, and the timing of the settings.</summary>
    public static ServiceWorkflowInput Start(ServiceRef service, LifecycleTiming timing) => new(service.CaseId, service.ServiceId, timing);

    /// <summary>How long to wait before trying a notice again when its gateway failed every retry.</summary>
    public static readonly TimeSpan GatewayOutagePause = TimeSpan.FromMinutes(15);

    /// <summary>How often a service waiting for a judge's decision or a clerk's mailing reads its record anyway.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromDays(1);

    /// <summary>The retries of instances started without a timing in their input: their recorded histories replay with these.</summary>
    private static readonly TaskOptions LegacyRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(10)));

    private static TaskOptions Retry(LifecycleTiming? timing) => timing is null ? LegacyRetry : TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: timing.RetryAttempts, firstRetryInterval: timing.RetryFirst, backoffCoefficient: 2,
            maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>Registered beside its body, as the Durable analyzers need.</summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<ServiceWorkflowInput, ServiceStatus>(Name, RunAsync);

    /// <summary>Decisions in one execution before it starts afresh; a route has a few steps, so this is rarely reached.</summary>
    private const int DecisionsPerExecution = 40;

    public static async Task<ServiceStatus> RunAsync(TaskOrchestrationContext context, ServiceWorkflowInput input)
    {
        var service = input.Service();
        var retry = Retry(input.Timing);
        Task<ServiceChange>? waiter = null;
        var waiterRound = -1;
        ServiceState? state = null;
        var stalled = input.Failures is not null;
        // The round got through after failed ones (it waits, or the service is complete): operators stop seeing the stall.
        async Task ClearStallAsync()
        {
            if (!stalled) return;
            await context.CallActivityAsync<bool>(ServiceActivities.ClearServiceStall, service, retry);
            stalled = false;
        }
        try
        {
            for (var decision = 0; decision < DecisionsPerExecution; decision++)
            {
                state = await context.CallActivityAsync<ServiceState>(ServiceActivities.GetServiceState, service, retry);
                context.SetCustomStatus(state);
                if (state.Status == ServiceStatus.Served)
                {
                    if (!state.Certified) await context.CallActivityAsync<ServiceState>(ServiceActivities.CompleteService, service, retry);
                    await ClearStallAsync();
                    return ServiceStatus.Served;
                }
                if (state.ClerkToFlag)
                {
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.FlagRouteExhausted, service, retry);
                    continue;
                }
                if (state.Status == ServiceStatus.InProgress && !state.Started
                    && state.Method is ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox)
                {
                    try
                    {
                        await context.CallActivityAsync<ServiceState>(ServiceActivities.SendServiceNotice, service, retry);
                    }
                    catch (TaskFailedException)
                    {
                        // The gateway stayed down through every retry: wait and try the same notice again; nothing is lost.
                        await context.CreateTimer(context.CurrentUtcDateTime.Add(GatewayOutagePause), CancellationToken.None);
                    }
                    continue;
                }
                if (state.Status == ServiceStatus.InProgress && state.Refused)
                {
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.AdvanceService,
                        new AdvanceInput(input.CaseId, input.ServiceId, state.CurrentStep, "refused by the provider"), retry);
                    continue;
                }

                await ClearStallAsync();
                if (waiter is null || waiter.IsCompleted || waiterRound != state.Round)
                {
                    waiter = context.WaitForExternalEvent<ServiceChange>(ChangedEvent(state.Round));
                    waiterRound = state.Round;
                }
                using var cancelTimer = new CancellationTokenSource();
                // How long to wait comes from the activity, by court time; the timer runs on the orchestration's own clock.
                var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(state.WaitFor ?? Recheck), cancelTimer.Token);
                if (await Task.WhenAny(waiter, timer) == waiter)
                {
                    cancelTimer.Cancel();
                    continue;
                }
                if (state.DispatchDue)
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.FlagDispatchOverdue, service, retry);
                else if (state.Status == ServiceStatus.InProgress && state.Started)
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.AdvanceService,
                        new AdvanceInput(input.CaseId, input.ServiceId, state.CurrentStep, "no evidence in time"), retry);
                else if (state.Status == ServiceStatus.PublicNoticePosted)
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.ElapsePublicNotice, service, retry);
            }
        }
        catch (TaskFailedException failure)
        {
            // The round failed for good: count it, record it where operators see it, wait it out, and start again from the record.
            var failures = (input.Failures?.Count ?? 0) + 1;
            if (state is not null) context.SetCustomStatus(state with { FailedRounds = failures });
            var error = $"{failure.FailureDetails.ErrorType}: {failure.FailureDetails.ErrorMessage}";
            try
            {
                await context.CallActivityAsync<LifecycleStall>(ServiceActivities.RecordServiceStall,
                    new ServiceStallInput(input.CaseId, input.ServiceId, failures, error), retry);
            }
            catch (TaskFailedException)
            {
                // Storage itself may be down: a later failed round records the stall.
            }
            var backoff = (input.Timing ?? LifecycleTiming.Default).Backoff(failures);
            await context.CreateTimer(context.CurrentUtcDateTime.Add(backoff), CancellationToken.None);
            context.ContinueAsNew(input with { Failures = new LifecycleRoundFailures(failures) });
            return ServiceStatus.InProgress;
        }
        // Keep the history short: the record in the table carries everything the next execution needs.
        context.ContinueAsNew(input with { Failures = stalled ? input.Failures : null });
        return ServiceStatus.InProgress;
    }
}
