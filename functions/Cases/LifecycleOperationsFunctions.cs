using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Functions.Http;
using ECourt.Functions.Messaging;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Cases;

/// <summary>
/// Administrators' routes over the case lifecycles of their court: which are stalled or missing, and restarting one.
/// They bind a durable client (the worker hands one only to functions that bind it).
/// </summary>
public sealed class LifecycleOperationsFunctions(ApiEndpoint endpoint, ListLifecycleProblems list, RestartLifecycle restart,
    DurableClients clients)
{
    /// <param name="State">stalled (its rounds fail), missing (no instance) or ended (completed or failed) while a deadline passed</param>
    /// <param name="ServiceId">set when what stalled is the workflow serving one of the case's documents, not its lifecycle</param>
    public sealed record LifecycleProblemView(string CaseId, string Court, string State, DateTimeOffset Since, int FailedRounds,
        string? LastError, string? Deadline, DateTimeOffset? DeadlineKeepAt, string? ServiceId);

    public sealed record LifecycleProblemList(IReadOnlyList<LifecycleProblemView> Items);

    /// <param name="Before">running (it was woken), missing or ended (a new one was started)</param>
    public sealed record RestartAnswer(string CaseId, LifecycleInstanceState Before);

    [ApiOperation("operations",
        "Case lifecycles of the administrator's court that are stalled, or missing while a deadline passed; stalled service workflows.",
        Response = typeof(LifecycleProblemList), Problems = [401, 403], Headers = ["ETag"],
        Description = "An administrator (role admin) lists the case lifecycles of its own court that need attention: stalled (their "
            + "rounds fail and are retried with a growing wait), or missing or ended while a deadline should have been kept, and stalled "
            + "workflows serving a document (with `serviceId`); at most 200. Fix the cause `lastError` names, then restart with POST "
            + "/api/operations/lifecycles/{caseId}/restart.")]
    [Function("ListLifecycleProblems")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "operations/lifecycles")] HttpRequest req,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, "ListLifecycleProblems", async caller =>
        {
            var problems = await list.RunAsync(caller, clients.For(client), req.HttpContext.RequestAborted);
            return new ApiResult(new LifecycleProblemList(problems.Select(p => new LifecycleProblemView(p.CaseId, p.Court, p.State,
                ChinaTime.ToChinaTime(p.Since), p.FailedRounds, p.LastError, p.Deadline,
                p.DeadlineKeepAt is { } at ? ChinaTime.ToChinaTime(at) : null, p.ServiceId)).ToList()));
        });

    [ApiOperation("operations", "Restart a case's lifecycle: started where none runs, woken where one does.",
        Response = typeof(RestartAnswer), Problems = [401, 403, 404],
        Description = "An administrator of the case's court restarts the case's lifecycle, which keeps its deadlines: started where none "
            + "runs, woken where one does; `before` says which it found. The case itself does not change: the lifecycle reads it and "
            + "keeps what is due.")]
    [Function("RestartLifecycle")]
    public Task<IActionResult> Restart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "operations/lifecycles/{caseId}/restart")] HttpRequest req,
        string caseId, [DurableClient] DurableTaskClient client) =>
        endpoint.OnCase(req, "RestartLifecycle", caseId, async grant =>
        {
            var restarted = await restart.RunAsync(grant, clients.For(client), req.HttpContext.RequestAborted);
            return new ApiResult(new RestartAnswer(restarted.CaseId, restarted.Before));
        });
}
