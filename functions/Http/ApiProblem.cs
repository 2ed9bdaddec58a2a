namespace ECourt.Functions.Http;

/// <summary>
/// An answer in RFC 9457 problem details. Thrown anywhere in a request and turned into
/// application/problem+json by <see cref="ApiEndpoint"/>, in every host.
/// </summary>
public sealed class ApiProblem(int status, string type, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null,
    IReadOnlyDictionary<string, string>? headers = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Type { get; } = type;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Response headers the problem comes with (Retry-After, WWW-Authenticate).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    public const string TypePrefix = "urn:ecourt:problem:";

    public static ApiProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, TypePrefix + "validation", "The request is not valid.",
            "One or more fields are missing or wrong: " + string.Join(", ", errors.Keys) + ".", errors);

    public static ApiProblem Validation(string field, string message) => Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem Malformed(string detail) => new(400, TypePrefix + "malformed", "The request could not be read.", detail);

    public static ApiProblem Unauthenticated() => new(401, TypePrefix + "unauthenticated", "Sign in first.",
        "This route needs a signed-in caller: a Microsoft Entra access token for the court's API (Authorization: Bearer).",
        headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" });

    /// <summary>A bearer token that is missing its parts, forged, expired or for another audience (RFC 6750 invalid_token).</summary>
    public static ApiProblem InvalidToken(string reason) => new(401, TypePrefix + "invalid-token", "The access token is not valid.", reason,
        headers: new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer error=\"invalid_token\"" });

    public static ApiProblem Forbidden(string detail) => new(403, TypePrefix + "forbidden", "Not allowed.", detail);

    /// <summary>A staff caller whose court neither the identity provider nor the settings give: refused, never guessed.</summary>
    public static ApiProblem StaffCourtUnknown(string detail) =>
        new(403, TypePrefix + "staff-court-unknown", "Your court is not known.", detail);

    public static ApiProblem NotFound(string what) => new(404, TypePrefix + "not-found", "Not found.", $"There is no {what}, or you may not see it.");

    public static ApiProblem PreconditionFailed() => new(412, TypePrefix + "stale-if-match", "The case has changed.",
        "The case changed since the version named in If-Match; read it again.");

    public static ApiProblem TooLarge(string detail) => new(413, TypePrefix + "too-large", "Too large.", detail);

    public static ApiProblem UnsupportedMediaType(string detail) => new(415, TypePrefix + "unsupported-media-type", "Unsupported media type.", detail);

    public static ApiProblem TooManyRequests(TimeSpan retryAfter, int perMinute)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(429, TypePrefix + "too-many-requests", "Too many requests.",
            $"The public routes take {perMinute} requests a minute from one address; try again in {seconds} s.",
            headers: new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    /// <summary>A rule of the court refused the request: the rule's name is the type, its title the catalogue's.</summary>
    public static ApiProblem Rule(string rule, string detail, string? field = null) =>
        new(422, TypePrefix + rule, ProblemCatalogue.Find(rule)?.Title ?? "A rule of the court refused the request.", detail,
            field is null ? null : new Dictionary<string, string[]> { [field] = [detail] });

    public static ApiProblem Conflict(string rule, string detail) =>
        new(409, TypePrefix + rule, ProblemCatalogue.Find(rule)?.Title ?? "The case is not in a state that allows this.", detail);
}
