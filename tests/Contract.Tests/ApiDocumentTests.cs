using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ECourt.Functions.OpenApi;
using ECourt.Testing;

namespace ECourt.Contract.Tests;

/// <summary>
/// The API document as a client team uses it: Redocly's recommended rules and every rule of Spectral's spectral:oas pass,
/// openapi-typescript generates a client, the request bodies of requests.http type-check against it with tsc --strict,
/// and openapi-fetch calls the raw upload and the webhook with no cast. The tools come from npm (tools/api's lockfile,
/// installed into .tools/api by scripts/test).
/// </summary>
public class ApiDocumentTests
{
    private static string Tool(string name)
    {
        var path = Repository.Path_(".tools", "api", "node_modules", ".bin", name);
        return File.Exists(path) ? path
            : throw new FileNotFoundException("The API tools are installed by scripts/test (ensure_api_tools).", path);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(Tool(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A folder with the document and the lint configuration, as a client team would have them.</summary>
    private static string Workspace()
    {
        var dir = Directory.CreateTempSubdirectory("openapi").FullName;
        File.WriteAllText(Path.Combine(dir, "openapi.json"), ApiDocument.Text);
        File.Copy(Repository.Path_("tools", "api", "redocly.yaml"), Path.Combine(dir, "redocly.yaml"));
        File.Copy(Repository.Path_("tools", "api", "spectral.yaml"), Path.Combine(dir, ".spectral.yaml"));
        // openapi-fetch resolves from the tools' own packages, as from a client project's node_modules.
        Directory.CreateSymbolicLink(Path.Combine(dir, "node_modules"), Repository.Path_(".tools", "api", "node_modules"));
        return dir;
    }

    [Fact]
    public async Task RedoclyLint_RecommendedRules_NoErrors()
    {
        var (exit, output) = await RunAsync("redocly", Workspace(), "lint", "openapi.json", "--format=stylish");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("error", output.Replace("0 errors", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RedoclyLint_ReportsAnUnresolvableReference()
    {
        var dir = Workspace();
        // The pointer the exporter used to write for a repeated type: relative to its first owner, resolving to nothing.
        var broken = ApiDocument.Text.Replace("\"#/components/schemas/PartyRequest\"", "\"#/properties/parties/items\"",
            StringComparison.Ordinal);
        Assert.NotEqual(ApiDocument.Text, broken);
        File.WriteAllText(Path.Combine(dir, "openapi.json"), broken);
        var (exit, output) = await RunAsync("redocly", dir, "lint", "openapi.json", "--format=stylish");
        Assert.NotEqual(0, exit);
        Assert.Contains("no-unresolved-refs", output);
    }

    [Fact]
    public async Task SpectralLint_EveryOasRule_NoErrorsNoWarnings()
    {
        var (exit, output) = await RunAsync("spectral", Workspace(), "lint", "openapi.json", "--ruleset", ".spectral.yaml",
            "--fail-severity", "hint", "--format", "text");
        Assert.True(exit == 0, output);
        Assert.Contains("No results with a severity of 'hint' or higher found!", output);
    }

    [Fact]
    public async Task SpectralLint_ReportsAnOperationWithoutDescription()
    {
        var dir = Workspace();
        var document = JsonNode.Parse(ApiDocument.Text)!;
        document["paths"]!["/api/cases"]!["post"]!.AsObject().Remove("description");
        document["info"]!.AsObject().Remove("contact");
        File.WriteAllText(Path.Combine(dir, "openapi.json"), document.ToJsonString());
        var (exit, output) = await RunAsync("spectral", dir, "lint", "openapi.json", "--ruleset", ".spectral.yaml",
            "--fail-severity", "hint", "--format", "text");
        Assert.NotEqual(0, exit);
        Assert.Contains("operation-description", output);
        Assert.Contains("info-contact", output);
    }

    /// <summary>
    /// The calls a portal makes that the JSON-only checks above do not reach: a raw upload (a Blob as the body, its media
    /// type chosen by the caller) and the webhook's batch and answer, typed by openapi-fetch from the generated paths.
    /// tsc --strict must accept them as written: an "as" anywhere would hide a document that types them wrong.
    /// </summary>
    [Fact]
    public async Task TypeScriptClient_OpenapiFetch_UploadAndWebhookCallsNeedNoCast()
    {
        var dir = Workspace();
        var (generated, output) = await RunAsync("openapi-typescript", dir, "openapi.json", "-o", "api.d.ts");
        Assert.True(generated == 0, output);
        const string client = """
            import createClient from "openapi-fetch";
            import type { paths, components } from "./api";

            const court = createClient<paths>({ baseUrl: "https://court.example" });

            export async function uploadComplaint(caseId: string, pdf: Blob): Promise<string | undefined> {
              const { data, error } = await court.POST("/api/cases/{caseId}/documents", {
                params: {
                  path: { caseId },
                  header: {
                    "X-File-Name": encodeURIComponent("起诉状.pdf"),
                    "X-Document-Kind": "complaint",
                    "Idempotency-Key": "upload-complaint-1",
                  },
                },
                body: pdf,
                bodySerializer: (body) => body,
                headers: { "Content-Type": "application/pdf" },
              });
              if (error) return error.title;
              const sha: string = data.sha256;
              return data.documentId + sha;
            }

            export async function deliverReports(events: components["schemas"]["EventGridEventBody"][]): Promise<number> {
              const { data } = await court.POST("/api/events/communication", {
                params: { query: { key: "webhook-key" } },
                body: events,
              });
              if (data?.validationResponse !== undefined) return 0;
              return (data?.recorded ?? 0) + (data?.unknown ?? 0) + (data?.ignored ?? 0);
            }
            """;
        Assert.DoesNotContain(" as ", client, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "client.ts"), client);
        var (checkedExit, tsc) = await RunAsync("tsc", dir, "--strict", "--noEmit", "--target", "es2022", "--module", "es2022",
            "--moduleResolution", "bundler", "--lib", "es2022,dom", "client.ts", "api.d.ts");
        Assert.True(checkedExit == 0, tsc);
    }

    [Fact]
    public async Task TypeScriptClient_Generated_RequestsHttpBodiesTypeCheckUnderStrict()
    {
        var dir = Workspace();
        var (generated, output) = await RunAsync("openapi-typescript", dir, "openapi.json", "-o", "api.d.ts");
        Assert.True(generated == 0, output);
        var bodies = RequestsHttpBodies();
        Assert.True(bodies.Count >= 9, $"only {bodies.Count} JSON bodies of API operations found in requests.http");
        var ts = new StringBuilder("import type { components } from \"./api\";\n\n");
        foreach (var (body, i) in bodies.Select((b, i) => (b, i)))
            ts.Append($"// {body.Request}\nexport const body{i}: components[\"schemas\"][\"{body.Schema}\"] = {body.Json};\n\n");
        File.WriteAllText(Path.Combine(dir, "requests.ts"), ts.ToString());
        var (checkedExit, tsc) = await RunAsync("tsc", dir, "--strict", "--noEmit", "--target", "es2022", "--module", "es2022",
            "--moduleResolution", "bundler", "requests.ts", "api.d.ts");
        Assert.True(checkedExit == 0, tsc + "\n" + ts);
    }

    [Fact]
    public async Task TypeScriptCheck_CatchesABodyThatDoesNotFitItsType()
    {
        var dir = Workspace();
        Assert.Equal(0, (await RunAsync("openapi-typescript", dir, "openapi.json", "-o", "api.d.ts")).Exit);
        File.WriteAllText(Path.Combine(dir, "requests.ts"), """
            import type { components } from "./api";
            export const wrong: components["schemas"]["ReviewRequest"] = { "decision": "accept", "reasons": "one" };
            export const unknown: components["schemas"]["FeeAidRequest"] = { "kind": "waive", "reason": ["typo"] };
            """);
        var (exit, output) = await RunAsync("tsc", dir, "--strict", "--noEmit", "requests.ts", "api.d.ts");
        Assert.NotEqual(0, exit);
        Assert.Contains("requests.ts(2,", output);
        Assert.Contains("requests.ts(3,", output);
    }

    /// <summary>Each request of requests.http that sends JSON to an API operation, with the operation's request schema.</summary>
    private static List<(string Request, string Schema, string Json)> RequestsHttpBodies()
    {
        using var document = JsonDocument.Parse(ApiDocument.Text);
        var found = new List<(string, string, string)>();
        foreach (var request in RequestsHttp.JsonBodies())
        {
            var operation = document.RootElement.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject())
                .Single(o => o.Value.GetProperty("operationId").GetString() == request.OperationId).Value;
            // A raw body (the Event Grid webhook's) is the sender's format, not a schema of this API.
            if (!operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema")
                .TryGetProperty("$ref", out var reference)) continue;
            var schema = reference.GetString()!.Split('/')[^1];
            found.Add(($"{request.Method.ToUpperInvariant()} {request.Path}", schema, request.Body.ToJsonString()));
        }
        return found;
    }
}
