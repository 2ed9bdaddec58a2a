namespace ECourt.Functions.Http;

/// <summary>The RFC 9457 body.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Instance, IReadOnlyDictionary<string, string[]>? Errors);

public static class ProblemResult
{
    public static ApiResult From(ApiProblem problem, string? instance)
    {
        var result = new ApiResult(new ProblemBody(problem.Type, problem.Title, problem.Status, problem.Detail, instance, problem.Errors), problem.Status,
            "application/problem+json; charset=utf-8");
        foreach (var (name, value) in problem.Headers) result.WithHeader(name, value);
        return result;
    }
}
