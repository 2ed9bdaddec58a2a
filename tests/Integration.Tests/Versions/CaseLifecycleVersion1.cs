using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Orchestrations.Cases;
using Microsoft.DurableTask;

namespace ECourt.Integration.Tests.Versions;

/// <summary>
/// The case lifecycle as version 1 ran it (the build before versions were carried), kept to start instances of that version
/// in tests: its input has no version, and after a timer round it read the case again and looped in the same execution.
/// Only the recheck interval is settable, so that rounds pass in seconds instead of days.
/// </summary>
public static class CaseLifecycleVersion1
{
    /// <summary>The input version 1 was started with.</summary>
    public sealed record Input(string CaseId, CaseProgress? Known = null);

    public static TimeSpan RecheckWithoutDeadline { get; set; } = TimeSpan.FromDays(1);

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<Input, CaseStatus>(CaseLifecycle.Name, RunAsync);

    public static async Task<CaseStatus> RunAsync(TaskOrchestrationContext context, Input input)
    {
        var progress = input.Known ?? await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, Retry);
        var signal = context.WaitForExternalEvent<CaseSignal>(CaseLifecycle.SignalEvent);
        while (true)
        {
            if (!progress.Ended && progress is { NextDeadline: { } due, WaitFor: { } wait } && wait <= TimeSpan.Zero)
            {
                await context.CallActivityAsync<CaseStatus>(CaseActivities.KeepDeadline, new KeepDeadlineInput(input.CaseId, due), Retry);
                progress = await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, Retry);
                continue;
            }
            context.SetCustomStatus(new CaseLifecycleStatus(progress.Status.ToString(), progress.NextDeadline, progress.NextKeepAt));
            if (progress.Ended) return progress.Status;

            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.Add(progress.WaitFor ?? RecheckWithoutDeadline), cancelTimer.Token);
            if (await Task.WhenAny(signal, timer) == signal)
            {
                cancelTimer.Cancel();
                context.ContinueAsNew(input with { Known = null });
                return progress.Status;
            }

            if (progress.NextDeadline is { } kind)
                await context.CallActivityAsync<CaseStatus>(CaseActivities.KeepDeadline, new KeepDeadlineInput(input.CaseId, kind), Retry);
            progress = await context.CallActivityAsync<CaseProgress>(CaseActivities.GetCaseProgress, input.CaseId, Retry);
        }
    }
}
