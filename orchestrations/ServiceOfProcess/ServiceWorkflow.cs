using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.ServiceOfProcess;
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
/// </remarks>
public static class ServiceWorkflow
{
    public const string Name = nameof(ServiceWorkflow);

    public static string InstanceId(string caseId, string serviceId) => $"service-{caseId}-{serviceId}";

    public static string ChangedEvent(int round) => $"ServiceChanged-{round}";

    /// <summary>How long to wait before trying a notice again when its gateway failed every retry.</summary>
    public static readonly TimeSpan GatewayOutagePause = TimeSpan.FromMinutes(15);

    /// <summary>How often a service waiting for a judge's decision or a clerk's mailing reads its record anyway.</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromDays(1);

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(5), backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(10)));

    /// <summary>Registered beside its body, as the Durable analyzers need.</summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<ServiceRef, ServiceStatus>(Name, RunAsync);

    /// <summary>Decisions in one execution before it starts afresh; a route has a few steps, so this is rarely reached.</summary>
    private const int DecisionsPerExecution = 40;

    public static async Task<ServiceStatus> RunAsync(TaskOrchestrationContext context, ServiceRef input)
    {
        Task<ServiceChange>? waiter = null;
        var waiterRound = -1;
        for (var decision = 0; decision < DecisionsPerExecution; decision++)
        {
            var state = await context.CallActivityAsync<ServiceState>(ServiceActivities.GetServiceState, input, Retry);
            context.SetCustomStatus(state);
            if (state.Status == ServiceStatus.Served)
            {
                if (!state.Certified) await context.CallActivityAsync<ServiceState>(ServiceActivities.CompleteService, input, Retry);
                return ServiceStatus.Served;
            }
            if (state.ClerkToFlag)
            {
                await context.CallActivityAsync<ServiceState>(ServiceActivities.FlagRouteExhausted, input, Retry);
                continue;
            }
            if (state.Status == ServiceStatus.InProgress && !state.Started
                && state.Method is ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox)
            {
                try
                {
                    await context.CallActivityAsync<ServiceState>(ServiceActivities.SendServiceNotice, input, Retry);
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
                    new AdvanceInput(input.CaseId, input.ServiceId, state.CurrentStep, "refused by the provider"), Retry);
                continue;
            }

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
                await context.CallActivityAsync<ServiceState>(ServiceActivities.FlagDispatchOverdue, input, Retry);
            else if (state.Status == ServiceStatus.InProgress && state.Started)
                await context.CallActivityAsync<ServiceState>(ServiceActivities.AdvanceService,
                    new AdvanceInput(input.CaseId, input.ServiceId, state.CurrentStep, "no evidence in time"), Retry);
            else if (state.Status == ServiceStatus.PublicNoticePosted)
                await context.CallActivityAsync<ServiceState>(ServiceActivities.ElapsePublicNotice, input, Retry);
        }
        // Keep the history short: the record in the table carries everything the next execution needs.
        context.ContinueAsNew(input);
        return ServiceStatus.InProgress;
    }
}
