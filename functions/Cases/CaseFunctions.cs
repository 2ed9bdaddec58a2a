using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Cases;

/// <summary>Reading cases: one case with its file, and the caller's own cases.</summary>
public sealed class CaseFunctions(ApiEndpoint endpoint, CaseAccess access, ICaseStore store, ICaseIndex index)
{
    public sealed record CaseSummary(string CaseId, string Court, string? CaseNumber, string Status, string Cause, string CaseType, DateTimeOffset CreatedAt);

    public sealed record ListAnswer<T>(IReadOnlyList<T> Items, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? ContinuationToken);

    [Function("GetCase")]
    public Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}")] HttpRequest req, string caseId) =>
        endpoint.SignedIn(req, async caller =>
        {
            var file = await access.LoadFileAsync(caseId, caller, req.HttpContext.RequestAborted);
            return new ApiResult(CaseView.From(file.Case, file)).WithHeader("ETag", file.ETag);
        });

    [Function("ListCases")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var (pageSize, token) = Paging.Read(req);
            var page = await index.ListUserCasesAsync(caller.Id, pageSize, token, ct);
            var cases = await Task.WhenAll(page.Items.Select(id => store.GetAsync(id, ct)));
            // An index row written before a create that then failed points at no case: skip it.
            var items = cases.OfType<StoredCase>().Where(s => CaseVisibility.CanSee(caller, s.Case))
                .Select(s => new CaseSummary(s.Case.CaseId, s.Case.Court, s.Case.CaseNumber, s.Case.Status.ToString(), s.Case.Cause,
                    Domain.Fees.FeeCaseTypes.Name(s.Case.CaseType), ChinaTime.ToChinaTime(s.Case.CreatedAt)))
                .ToList();
            return new ApiResult(new ListAnswer<CaseSummary>(items, page.ContinuationToken));
        });
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public static (int PageSize, string? Token) Read(HttpRequest req)
    {
        var size = DefaultPageSize;
        if (req.Query.TryGetValue("pageSize", out var text) && (!int.TryParse(text, out size) || size is < 1 or > MaxPageSize))
            throw ApiProblem.Validation("pageSize", $"A whole number from 1 to {MaxPageSize}.");
        string? token = req.Query["continuationToken"];
        if (token is { Length: > 512 }) throw ApiProblem.Validation("continuationToken", "Not a token this API issued.");
        try { _ = Adapters.Storage.TableKeys.FromToken(token); }
        catch (ArgumentException) { throw ApiProblem.Validation("continuationToken", "Not a token this API issued."); }
        return (size, string.IsNullOrEmpty(token) ? null : token);
    }
}
