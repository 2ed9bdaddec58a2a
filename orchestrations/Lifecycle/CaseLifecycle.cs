using ECourt.Domain.Cases;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// Keeps a case's statutory deadlines from submission to acceptance. The case's state lives in its
/// table partition, not here: each round reads the state and the next deadline, races a durable timer
/// against the case's signal, and acts. After a signal it starts again with ContinueAsNew, so the
/// history stays a few events long however long the case runs. Rules changed in the domain apply to
/// cases already in flight; a change to this loop itself gets a new orchestrator name.
/// </summary>
/// <remarks>
/// Correctness never rests on an event arriving. Commands commit to the table before they signal,
/// and every execution starts by reading the table, so a signal lost around ContinueAsNew (the
/// in-memory engine drops some forwarded events) or never raised only delays the orchestration until
/// its next timer. The one waiter is never cancelled: a cancelled waiter stays registered and swallows
/// the next event of its name.
/// </remarks>
public static class CaseLifecycle
{
    public const string Name = nameof(CaseLifecycle);
    public const string SignalEvent = nameof(CaseSignal);

    /// <summary>
    /// Registered here, beside its body: the Durable analyzers follow a method group into the file that
    /// declares it, and fail when registration and body sit in different files.
    /// </summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<CaseLifecycleInput, CaseStatus>(Name, RunAsync);

    public static string InstanceId(string caseId) => "case-" + caseId;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>
    /// How long the orchestration waits without a deadline (fee aid pending, a flag waiting for a judge)
    /// before it reads the case again, so that even a signal that was never raised delays it by at most this.
    /// </summary>
    public static readonly TimeSpan RecheckWithoutDeadline = TimeSpan.FromDays(1);

    public static async Task<CaseStatus> RunAsync(TaskOrchestrationContext context, CaseLifecycleInput input)
    {
        var progress = input.Known ?? await context.CallActivityAsync<CaseProgress>(nameof(GetCaseProgress), input.CaseId, Retry);
        var signal = context.WaitForExternalEvent<CaseSignal>(SignalEvent);
        // A deadline round loops here with the same waiter; a case meets a few deadlines at most.
        while (true)
        {
            context.SetCustomStatus(new CaseLifecycleStatus(progress.Status.ToString(), progress.NextDeadlineKind?.ToString(), progress.NextDeadlineAt));
            if (progress.ServiceToStart)
            {
                // Registered: serve the fee notice and the complaint copies, each by its own workflow.
                await context.CallActivityAsync<bool>(nameof(Service.StartProcessService), input.CaseId, Retry);
                progress = await context.CallActivityAsync<CaseProgress>(nameof(GetCaseProgress), input.CaseId, Retry);
                continue;
            }
            if (progress.Ended) return progress.Status;
            if (progress.NextDeadlineKind == DeadlineKind.EvidenceStage)
            {
                // Due as soon as it is known: fee settled and every defendant served.
                await context.CallActivityAsync<CaseStatus>(nameof(KeepDeadline),
                    new KeepDeadlineInput(input.CaseId, DeadlineKind.EvidenceStage, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), Retry);
                progress = await context.CallActivityAsync<CaseProgress>(nameof(GetCaseProgress), input.CaseId, Retry);
                continue;
            }

            using var cancelTimer = new CancellationTokenSource();
            var wakeAt = progress.NextDeadlineAt?.UtcDateTime ?? context.CurrentUtcDateTime.Add(RecheckWithoutDeadline);
            var timer = context.CreateTimer(wakeAt, cancelTimer.Token);
            if (await Task.WhenAny(signal, timer) == signal)
            {
                // The change is in the table: the next execution reads it.
                cancelTimer.Cancel();
                context.ContinueAsNew(input with { Known = null });
                return progress.Status;
            }

            if (progress.NextDeadlineKind is { } kind)
                await context.CallActivityAsync<CaseStatus>(nameof(KeepDeadline),
                    new KeepDeadlineInput(input.CaseId, kind, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), Retry);
            progress = await context.CallActivityAsync<CaseProgress>(nameof(GetCaseProgress), input.CaseId, Retry);
        }
    }
}
