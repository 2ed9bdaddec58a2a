using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ECourt.Functions.Cases;
using ECourt.Functions.Composition;
using ECourt.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the API, generated from the HTTP functions themselves: method and route from each
/// trigger, the rest from its <see cref="ApiOperationAttribute"/>. Schemas are exported from the very records the
/// functions read and write (<see cref="ApiSchemas"/>), every record and enum a named component, so a client generator
/// gets one type per concept.
/// </summary>
public static partial class ApiDocument
{
    /// <summary>One HTTP function as the document describes it.</summary>
    public sealed record Operation(string Method, string Path, string OperationId, ApiOperationAttribute Api,
        IReadOnlyList<ApiParameterAttribute> Parameters);

    /// <summary>What each path parameter is, by name: one description wherever a route uses it.</summary>
    private static readonly Dictionary<string, string> PathParameters = new()
    {
        ["caseId"] = "The case's id: cs and 24 hex digits.",
        ["judgmentId"] = "The judgment's id: jd and its case's 24 hex digits.",
        ["payoutId"] = "A payout of the enforcement case: po and its number in the case.",
        ["documentId"] = "The document's id.",
        ["serviceId"] = "{documentId}-p{partyNumber}",
        ["itemId"] = "The inbox item's id.",
        ["certificateId"] = "The certificate's id.",
        ["entryId"] = "{bankCode}:{bankTransactionId}",
        ["year"] = "The calendar year, four digits.",
        ["partyNumber"] = "The party's number in the case (1, 2, …).",
        ["userId"] = "The account's user id, percent-encoded.",
        ["bankCode"] = "The bank's code, e.g. ICBC.",
        ["date"] = "The China-time booking date, yyyy-MM-dd.",
        ["evidenceId"] = "The item of evidence's id: ev and its place in the case's chain, six digits.",
        ["hearingId"] = "The hearing's id: hrg and 24 lower-case hex digits, as scheduling or postponing answered it.",
        ["extensionId"] = "The application's id: ext and 24 hex digits.",
    };

    public static IReadOnlyList<Operation> Operations { get; } = Discover();

    private static readonly Lazy<string> Json = new(Build);

    public static string Text => Json.Value;

    private static List<Operation> Discover()
    {
        var operations = new List<Operation>();
        foreach (var method in typeof(ApiDocument).Assembly.GetTypes().SelectMany(t =>
            t.GetMethods(BindingFlags.Public | BindingFlags.Instance)))
        {
            var function = method.GetCustomAttribute<FunctionAttribute>();
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t =>
                t is not null);
            // A browser's preflight (the one OPTIONS function) is not an operation of the API.
            if (function is null || trigger is null || trigger.Methods is ["options"]) continue;
            var api = method.GetCustomAttribute<ApiOperationAttribute>()
                ?? throw new InvalidOperationException($"HTTP function {function.Name} has no [ApiOperation]: the API document cannot describe it.");
            foreach (var verb in trigger.Methods ?? [])
                operations.Add(new Operation(verb.ToLowerInvariant(), "/api/" + RouteConstraint().Replace(trigger.Route ?? "", "}"),
                    function.Name, api,
                    method.GetCustomAttributes<ApiParameterAttribute>().ToList()));
        }
        return operations.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    private static string Build()
    {
        var schemas = new ApiSchemas();
        var paths = new JsonObject();
        foreach (var op in Operations.Where(o => !o.Api.Hidden))
        {
            var item = paths[op.Path] as JsonObject ?? new JsonObject();
            item[op.Method] = OperationObject(op, schemas);
            paths[op.Path] = item;
        }

        // The case view's stage parts are written beside its core: each stage's part is a property of its own.
        var parts = new ServiceCollection().AddCaseViewParts().Select(d => d.ImplementationInstance).OfType<ICaseViewPart>();
        schemas.Extend(typeof(CaseView), parts.Select(p => (p.Name, p.Type)));
        schemas.Ref(typeof(ProblemBody));
        var problemType = schemas.Components[nameof(ProblemBody)]!["properties"]!["type"]!.AsObject();
        problemType["format"] = "uri";
        problemType["description"] = "The problem's type: one of x-problem-types in components, an open list (later stages add types; treat "
            + "an unknown one by its status).";
        problemType["examples"] = new JsonArray(ProblemCatalogue.Entries.Take(3).Select(e => (JsonNode)e.Type).ToArray());
        schemas.MarkExtensible(ExtensibleEnums);

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ECourt API",
                ["version"] = "1.0",
                ["description"] = "The online court's API for the portal, the mobile app, court staff and banks' webhooks. Money is a string in "
                    + "yuan with two decimals; times are ISO 8601 in court time (UTC+08:00). Problems are RFC 9457 problem details."
                    + "\n\n" + Conventions + "\n\n" + ProblemTable(),
                ["contact"] = new JsonObject { ["name"] = "The court's IT department" },
                ["license"] = new JsonObject { ["name"] = "Proprietary" },
            },
            // The host that served the document: the paths begin with /api, so "try it" on /api/docs calls the same host.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The host that serves this document." }),
            ["tags"] = new JsonArray(ApiTags.Descriptions.Keys.Where(t => Operations.Any(o => !o.Api.Hidden && o.Api.Tag == t))
                .Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = ApiTags.Description(t) }).ToArray()),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["x-problem-types"] = new JsonArray(ProblemCatalogue.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["type"] = e.Type,
                    ["title"] = e.Title,
                    ["status"] = new JsonArray(e.Statuses.Select(s => (JsonNode)s).ToArray()),
                    ["action"] = e.Action,
                }).ToArray()),
                ["securitySchemes"] = new JsonObject
                {
                    ["entraToken"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A Microsoft Entra access token for the court's API (api://<client id>/access_as_user); roles are its app roles.",
                    },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ApiJson.Options.Encoder });
    }

    private static JsonObject OperationObject(Operation op, ApiSchemas schemas)
    {
        var api = op.Api;
        var parameters = new JsonArray();
        foreach (var name in PathParameter().Matches(op.Path).Select(m => m.Groups[1].Value))
            parameters.Add(Parameter(name, "path", true, PathParameters.TryGetValue(name, out var d) ? d
                : throw new InvalidOperationException($"Path parameter {name} of {op.OperationId} has no description."),
                    name == "caseId" ? new JsonObject { ["type"] = "string", ["pattern"] = Domain.Cases.CaseId.Form }
                        : new JsonObject { ["type"] = "string" }));
        if (api.IfMatch) parameters.Add(Parameter("If-Match", "header", false,
            "An ETag a read or a change of the case gave (\"{version}.…\"): refused (412) if the case is no longer at that version, "
            + "or if the tag is weak.", Text_()));
        var conditional = op.Method == "get" && api.Headers.Contains("ETag");
        if (conditional) parameters.Add(Parameter("If-None-Match", "header", false,
            "The ETag of an earlier answer: 304 without a body while the answer would be byte-identical.", Text_()));
        if (api.Idempotent) parameters.Add(Parameter("Idempotency-Key", "header", false,
            "A repeat with the same key returns the first result and changes nothing.",
            new JsonObject { ["type"] = "string", ["pattern"] = IdempotencyKey.Form }));
        if (api.Paged)
        {
            parameters.Add(Parameter("pageSize", "query", false, "Items a page, 1 to 100.",
                new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100, ["default"] = Paging.DefaultPageSize }));
            parameters.Add(Parameter("continuationToken", "query", false, "The previous page's continuationToken.", Text_()));
        }
        foreach (var p in op.Parameters)
        {
            var schema = p.Enum is not null ? schemas.Ref(p.Enum) : new JsonObject { ["type"] = p.Type };
            if (p.Format is not null) schema["format"] = p.Format;
            parameters.Add(Parameter(p.Name, p.In, p.Required, p.Description, schema));
        }

        var success = new JsonObject { ["description"] = api.Status switch { 201 => "Created", 202 => "Accepted", _ => "OK" } };
        if (api.Response is not null)
        {
            var schema = schemas.Ref(api.Response);
            var media = Example(new JsonObject { ["schema"] = schema }, ApiExamples.Response(op.OperationId));
            success["content"] = new JsonObject { ["application/json"] = media };
        }
        else if (api.BinaryResponse is not null) success["content"] = Binary(api.BinaryResponse);
        else if (op.OperationId == "OpenApiDocument") success["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } };
        if (api.Headers.Length > 0)
            success["headers"] = new JsonObject(api.Headers.Select(h => KeyValuePair.Create(h, (JsonNode?)new JsonObject
            {
                ["description"] = HeaderDescription(h),
                ["schema"] = Text_(),
            })));
        var responses = new JsonObject { [api.Status.ToString()] = success };
        if (conditional) responses["304"] = new JsonObject
        {
            ["description"] = "Not modified: the answer is the one whose ETag was sent in If-None-Match.",
            ["headers"] = new JsonObject
            {
                ["ETag"] = new JsonObject { ["description"] = HeaderDescription("ETag"), ["schema"] = Text_() },
            },
        };
        // Any operation may fail on the court's side (500 problem details), so every one lists it; one for signed-in callers may
        // find none (401) or a staff caller whose court is not known (403), whatever else it refuses; and one that writes may
        // make a record larger than it may be stored (422 record-too-large).
        int[] always = api.Public ? [500] : [401, 403, 500];
        if (op.Method is not ("get" or "head")) always = [.. always, 422];
        foreach (var status in api.Problems.Concat(always).Distinct().Order())
            responses[status.ToString()] = new JsonObject
            {
                ["description"] = ProblemDescription(status),
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = schemas.Ref(typeof(ProblemBody)) } },
            };

        var operation = new JsonObject
        {
            ["operationId"] = op.OperationId,
            ["tags"] = new JsonArray(ApiTags.Described(api.Tag)),
            ["summary"] = api.Summary,
            ["description"] = string.IsNullOrWhiteSpace(api.Description)
                ? throw new InvalidOperationException($"Operation {op.OperationId} has no Description: say who may call it, what it does "
                    + "and what a client does with the answer.")
                : api.Description,
            ["parameters"] = parameters,
            ["responses"] = responses,
            // Public operations say so, so that a generated client sends no token.
            ["security"] = api.Public ? new JsonArray() : new JsonArray(new JsonObject { ["entraToken"] = new JsonArray() }),
        };
        if (api.Request is not null)
            operation["requestBody"] = new JsonObject
            {
                ["required"] = !api.BodyOptional,
                ["content"] = new JsonObject
                {
                    ["application/json"] = Example(new JsonObject { ["schema"] = schemas.RequestRef(api.Request) },
                        ApiExamples.Request(op.OperationId)),
                },
            };
        else if (api.RequestItems is not null)
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    ["application/json"] = Example(new JsonObject
                    {
                        ["schema"] = new JsonObject { ["type"] = "array", ["items"] = schemas.Ref(api.RequestItems) },
                    }, ApiExamples.Request(op.OperationId)),
                },
            };
        else if (api.RawRequest is not null)
            // Raw content of its media types: OAS 3.1 describes such a body with no schema, and generators type it as a file.
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject(api.RawRequest.Split(',').Select(m => KeyValuePair.Create(m, (JsonNode?)new JsonObject()))),
            };
        return operation;
    }

    /// <summary>What a client may rely on, beside each operation's own description.</summary>
    private const string Conventions = "Requests are closed: a field the schema does not name, a null, or a value outside a field's declared "
        + "constraints is refused (400, errors naming each field). Responses are open: accept fields and enum values you do not know "
        + "(enums marked x-extensible grow with the court's stages).";

    /// <summary>The enums whose values grow as stages are added: a client accepts a value it does not know.</summary>
    private static readonly Type[] ExtensibleEnums = [typeof(Domain.Cases.CaseStatus), typeof(DeadlineKind), typeof(Fees.LedgerEntryKind),
        typeof(Domain.Documents.DocumentKind), typeof(Domain.ServiceOfProcess.ServedDocumentKind)];

    /// <summary>The problem types as a table of the docs page.</summary>
    private static string ProblemTable() => "## Problem types\n\n| type | status | title | what to do |\n|---|---|---|---|\n"
        + string.Join("\n", ProblemCatalogue.Entries.Select(e =>
            $"| `{e.Name}` | {string.Join(", ", e.Statuses)} | {e.Title} | {e.Action} |"));

    /// <summary>A media type object with its example (<see cref="ApiExamples"/>), where the operation has one.</summary>
    private static JsonObject Example(JsonObject media, JsonNode? example)
    {
        if (example is not null) media["example"] = example;
        return media;
    }

    private static JsonObject Text_() => new() { ["type"] = "string" };

    private static JsonObject Binary(string mediaTypes) => new(mediaTypes.Split(',').Select(m =>
        KeyValuePair.Create(m, (JsonNode?)new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } })));

    private static JsonObject Parameter(string name, string @in, bool required, string description, JsonNode schema) => new()
    {
        ["name"] = name,
        ["in"] = @in,
        ["required"] = required,
        ["description"] = description,
        ["schema"] = schema,
    };

    private static string HeaderDescription(string header) => header switch
    {
        "ETag" => "A strong tag of this answer as served to the caller; an answer about a case leads it with the case's version "
            + "(\"{version}.…\"): send it back as If-Match to change the case only as you saw it.",
        "Location" => "Where the created resource is read.",
        "Content-Disposition" => "attachment, with the file's name.",
        _ => throw new InvalidOperationException($"No description of response header {header}."),
    };

    private static string ProblemDescription(int status) => status switch
    {
        400 => "Malformed, or a field is missing or wrong (errors names the fields).",
        401 => "No identity, or a token that is not valid.",
        403 => "Not allowed for the caller: its role, its relation to the case, or a staff member whose court is not known.",
        404 => "Not found, or not visible to the caller.",
        409 => "The case's state does not allow this (names the state and the action).",
        410 => "The link has expired.",
        412 => "Stale If-Match.",
        413 => "Too large.",
        415 => "Wrong media type, or content that is not what it says.",
        422 => "A rule refused it (the rule's name in type); record-too-large: the change would make a stored record too large.",
        429 => "Too many anonymous requests from this address: try again after Retry-After seconds.",
        500 => "The court's system failed; what the request changed can safely be retried (a document failing its integrity check is withheld).",
        _ => throw new InvalidOperationException($"No description of status {status}."),
    };
}
