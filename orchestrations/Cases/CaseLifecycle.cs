using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations.Cases;

/// <summary>
/// Keeps a case's statutory deadlines, whichever stage they belong to. The case's state lives in its table partition,
/// not here: each round reads the case's progress (an activity, by court time): what deadline comes next and how long
/// until it; it waits that long from its own replay-safe clock, raced against the case's signal, and has the deadline's
/// stage keep it. After a signal, and after every timer round, it starts again with ContinueAsNew, so the history stays
/// a few events long in every state however long the case runs. Rules changed in the domain apply to cases in flight.
/// </summary>
/// <remarks>
/// Correctness never rests on an event arriving. Commands commit to the table before they signal, and every execution
/// starts by reading the table, so a signal lost around ContinueAsNew (the in-memory engine drops some forwarded events)
/// or never raised only delays the orchestration until its next timer. The one waiter is never cancelled: a cancelled
/// waiter stays registered and swallows the next event of its name. The orchestrator never compares court time (which
/// the local host can move): the activity says how long to wait.
///
/// It never dies while its case is open. It ends only for a draft (a submission that never committed) or a final case;
/// with nothing to keep it waits for a signal or its recheck interval. A round whose activity still fails after its
/// retries (storage down, a stage's handler failing) does not fail the instance: the round is counted, recorded on the
/// case as a stall (the case view and the operators' list show it), waited out with a durable timer that doubles up to
/// an hour (a signal ends the wait early), and tried again; the first round that succeeds clears the stall. Should an
/// instance be lost anyway, the lifecycle sweep restarts it from the index of cases with a deadline to keep, and a
/// signal for a case whose instance ended starts a new one.
///
/// Versions. Cases live for years and each round continues as new under the same name, so an instance never "finishes
/// on the old code": its input carries the version of the logic it runs (<see cref="CurrentVersion"/>), the body
/// branches where behaviour changed, and every ContinueAsNew moves it to the current version. Version 1 (inputs without
/// a version) looped after a timer round in the same execution instead of continuing as new; an instance replaying
/// such recorded rounds follows them, and the first round decided live continues as new on the current version.
/// Version 3 records what version 2 recorded on every path version 2 survived: it differs only after an activity failed
/// for good (where version 2 failed) and in not ending while the case is open (decided live, at a round's start).
/// </remarks>
public static class CaseLifecycle
{
    public const string Name = nameof(CaseLifecycle);
    public const string SignalEvent = nameof(CaseSignal);

    /// <summary>The lifecycle logic this build runs; raise it, and branch on the old value, when a change alters history.</summary>
    public const int CurrentVersion = 3;

    /// <summary>
    /// Registered here, beside its body: the Durable analyzers follow a method group into the file that
    /// declares it, and fail when registration and body sit in different files.
    /// </summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<CaseLifecycleInput, CaseStatus>(Name, RunAsync);

    public static string InstanceId(string caseId) => "case-" + caseId;

    /// <summary>The input a new lifecycle starts with: the current version, and the timing of the settings.</summary>
    public static CaseLifecycleInput Start(string caseId, CaseProgress? known = null, LifecycleTiming? timing = null) =>
        new(caseId, known, CurrentVersion, timing);

    private static TaskOptions Retry(LifecycleTiming timing) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: timing.RetryAttempts, firstRetryInterval: timing.RetryFirst, backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>The wait without a deadline when the progress does not say (progress recorded before it was a setting).</summary>
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromDays(1);

    public static async Task<CaseStatus> RunAsync(TaskOrchestrationContext context, CaseLifecycleInput input)
    {
        var version = input.LogicVersion ?? 1;
        var timing = input.Timing ?? LifecycleTiming.Default;
        var retry = Retry(timing);
        var next = new CaseLifecycleInput(input.CaseId, null, CurrentVersion, input.Timing);
        Task<CaseSignal>? signal = null;
        try
        {
            var progress = input.Known
                ?? await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, retry);
            signal = context.WaitForExternalEvent<CaseSignal>(SignalEvent);
            while (true)
            {
                if (!progress.Ended && progress is { NextDeadline: { } due, WaitFor: { } wait } && wait <= TimeSpan.Zero)
                {
                    // Due now (service to start at registration, a deadline passed while the case waited): keep it at once.
                    // Each keep moves the case on, so this loops a few times at most.
                    await context.CallActivityAsync<CaseStatus>(CaseActivities.KeepDeadline, new KeepDeadlineInput(input.CaseId, due),
                        retry);
                    progress = await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, retry);
                    continue;
                }
                // The round got through after failed ones: the case and the operators' list stop showing the stall.
                if (input.Failures is not null)
                    await context.CallActivityAsync<bool>(CaseActivities.ClearLifecycleStall, input.CaseId, retry);
                // What the lifecycle waits for (or that it ended), for operators and the tests.
                context.SetCustomStatus(new CaseLifecycleStatus(progress.Status.ToString(), progress.NextDeadline, progress.NextKeepAt));
                if (progress.Ended) return progress.Status;

                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(progress.WaitFor ?? progress.Recheck ?? DefaultRecheck),
                    cancelTimer.Token);
                if (await Task.WhenAny(signal, timer) == signal)
                {
                    // The change is in the table: the next execution reads it.
                    cancelTimer.Cancel();
                    context.ContinueAsNew(next);
                    return progress.Status;
                }

                if (progress.NextDeadline is { } kind)
                    await context.CallActivityAsync<CaseStatus>(CaseActivities.KeepDeadline, new KeepDeadlineInput(input.CaseId, kind),
                        retry);
                // Version 1 read the case again here and looped; its recorded rounds replay that way, new rounds continue as new.
                if (version >= 2 || !context.IsReplaying)
                {
                    context.ContinueAsNew(next);
                    return progress.Status;
                }
                progress = await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, retry);
            }
        }
        catch (TaskFailedException failure)
        {
            // The round failed for good: count it, record it where it can be seen, wait it out, and try again.
            var failures = (input.Failures?.Count ?? 0) + 1;
            context.SetCustomStatus(new CaseLifecycleStatus("Stalled", null, null, failures));
            var error = $"{failure.FailureDetails.ErrorType}: {failure.FailureDetails.ErrorMessage}";
            try
            {
                await context.CallActivityAsync<LifecycleStall>(CaseActivities.RecordLifecycleStall,
                    new LifecycleStallInput(input.CaseId, failures, error), retry);
            }
            catch (TaskFailedException)
            {
                // Storage itself may be down: a later failed round records the stall, a successful one has nothing to clear.
            }
            signal ??= context.WaitForExternalEvent<CaseSignal>(SignalEvent);
            using var cancelBackoff = new CancellationTokenSource();
            var backoff = context.CreateTimer(context.CurrentUtcDateTime.Add(timing.Backoff(failures)), cancelBackoff.Token);
            if (await Task.WhenAny(signal, backoff) == signal) cancelBackoff.Cancel();
            context.ContinueAsNew(next with { Failures = new LifecycleRoundFailures(failures) });
            return input.Known?.Status ?? CaseStatus.Draft;
        }
    }
}
