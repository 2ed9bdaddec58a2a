using ECourt.Domain.Access;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Cases;

/// <summary>
/// A case lifecycle an operator should look at: stalled (its rounds fail), or missing or ended while a deadline passed; or,
/// with a <paramref name="ServiceId"/>, the stalled workflow serving one of the case's documents.
/// </summary>
/// <param name="State">stalled, missing or ended</param>
public sealed record LifecycleProblem(string CaseId, string Court, string State, DateTimeOffset Since, int FailedRounds, string? LastError,
    string? Deadline, DateTimeOffset? DeadlineKeepAt, string? ServiceId = null);

/// <summary>
/// Administrators' view of the lifecycles of their court's cases: stalled ones (and stalled service workflows) from the
/// stall list, and missing or ended ones among the cases whose deadline should have been kept (as the sweep finds them).
/// </summary>
public sealed class ListLifecycleProblems(ILifecycleStalls stalls, IDeadlineIndex index, TimeProvider clock,
    IOptions<LifecycleOptions> options)
{
    public const int MaxItems = 200;

    public async Task<IReadOnlyList<LifecycleProblem>> RunAsync(CourtUser caller, ILifecycleInstances instances, CancellationToken ct)
    {
        var problems = (await stalls.ListAsync(caller.Court, MaxItems, ct))
            .Select(s => new LifecycleProblem(s.CaseId, s.Court, "stalled", s.Since, s.Failures, s.LastError, null, null, s.ServiceId))
            .ToList();
        // The court's due rows only (another court's must not fill the page), page after page until the list is full: rows of
        // lifecycles that run are passed over.
        var until = clock.GetUtcNow() - options.Value.SweepGrace;
        IndexedDeadline? after = null;
        IReadOnlyList<IndexedDeadline> due;
        do
        {
            due = await index.DueAsync(until, MaxItems, caller.Court, after, ct);
            foreach (var row in due.Where(r => !problems.Any(p => p.CaseId == r.CaseId && p.ServiceId is null)))
            {
                var state = await instances.StateAsync(row.CaseId, ct);
                if (state == LifecycleInstanceState.Running) continue;
                var what = state == LifecycleInstanceState.Missing ? "missing" : "ended";
                problems.Add(new LifecycleProblem(row.CaseId, row.Court, what, row.KeepAt, 0, null, row.Kind, row.KeepAt));
            }
            after = due.Count > 0 ? due[^1] : null;
        }
        while (due.Count >= MaxItems && problems.Count < MaxItems);
        return problems.OrderBy(p => p.Since).Take(MaxItems).ToList();
    }
}

/// <summary>An administrator restarts one case's lifecycle: started where none runs, woken where one does.</summary>
public sealed class RestartLifecycle
{
    public sealed record Restarted(string CaseId, LifecycleInstanceState Before);

    public async Task<Restarted> RunAsync(Access.CaseGrant grant, ILifecycleInstances instances, CancellationToken ct) =>
        new(grant.CaseId, await instances.RestartAsync(grant.CaseId, ct));
}
