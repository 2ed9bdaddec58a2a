using ECourt.Domain.Cases;
using Microsoft.DurableTask;

namespace ECourt.Orchestrations.Lifecycle;

/// <summary>
/// Keeps a case's statutory deadlines from submission to acceptance. The case's state lives in its
/// table partition, not here: each round reads the state and the next deadline, races a durable timer
/// against the events that can change the case, acts, and starts again with ContinueAsNew so the
/// history stays a few events long however long the case runs. Rules changed in the domain apply to
/// cases already in flight; a change to this loop itself gets a new orchestrator name.
/// </summary>
public static class CaseLifecycle
{
    public const string Name = nameof(CaseLifecycle);
    public const string CaseChangedEvent = nameof(CaseChanged);
    public const string FeeCreditBookedEvent = nameof(FeeCreditBooked);

    /// <summary>
    /// Registered here, beside its body: the Durable analyzers follow a method group into the file that
    /// declares it, and fail when registration and body sit in different files.
    /// </summary>
    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestratorFunc<CaseLifecycleInput, CaseStatus>(Name, RunAsync);

    public static string InstanceId(string caseId) => "case-" + caseId;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public static async Task<CaseStatus> RunAsync(TaskOrchestrationContext context, CaseLifecycleInput input)
    {
        var progress = input.Known ?? await context.CallActivityAsync<CaseProgress>(nameof(GetCaseProgress), input.CaseId, Retry);
        context.SetCustomStatus(new CaseLifecycleStatus(progress.Status.ToString(), progress.NextDeadlineKind?.ToString(), progress.NextDeadlineAt));
        if (progress.Ended) return progress.Status;

        using var cancel = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<CaseChanged>(CaseChangedEvent, cancel.Token);
        var credit = context.WaitForExternalEvent<FeeCreditBooked>(FeeCreditBookedEvent, cancel.Token);
        var deadline = progress.NextDeadlineAt is { } at
            ? context.CreateTimer(at.UtcDateTime, cancel.Token)
            : null;

        var winner = deadline is null
            ? await Task.WhenAny(changed, credit)
            : await Task.WhenAny(changed, credit, deadline);
        cancel.Cancel();

        // An event that completed in the same episode as the winner is handled too, not dropped.
        if (credit.IsCompletedSuccessfully)
            await context.CallActivityAsync<bool>(nameof(RecordFeeCredit), credit.Result with { CaseId = input.CaseId }, Retry);
        if (winner == deadline)
            await context.CallActivityAsync<CaseStatus>(nameof(KeepDeadline),
                new KeepDeadlineInput(input.CaseId, progress.NextDeadlineKind!.Value, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)), Retry);

        context.ContinueAsNew(input with { Known = null });
        return progress.Status;
    }
}
