using System.Diagnostics;

namespace ECourt.Contract.Tests;

/// <summary>The Bicep compiles and lints offline with the compiler restored from NuGet; a warning is a failure.</summary>
public class InfraTests
{
    private static (int Exit, string Output) Bicep(params string[] args)
    {
        var start = new ProcessStartInfo(Repository.BicepPath) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000);
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("lint")]
    public void MainBicep_NoErrorsNoWarnings(string command)
    {
        var outDir = Directory.CreateTempSubdirectory("bicep").FullName;
        var (exit, output) = command == "build"
            ? Bicep("build", Repository.Path_("infra", "main.bicep"), "--outdir", outDir)
            : Bicep("lint", Repository.Path_("infra", "main.bicep"));
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Warning", output);
        Assert.DoesNotContain("Error", output);
        if (command == "build")
        {
            var arm = File.ReadAllText(Path.Combine(outDir, "main.json"));
            Assert.Contains("FlexConsumption", arm);
            Assert.Contains("\"allowSharedKeyAccess\": false", arm);
            Assert.Contains("AzureWebJobsStorage__credential", arm);
            // The app validates callers' tokens itself: the Bicep names the tenant, the audiences and the issuer.
            Assert.Contains("ECourt__Identity__TenantId", arm);
            Assert.Contains("ECourt__Identity__Audiences__0", arm);
            Assert.Contains("ECourt__Identity__Issuers__0", arm);
            // The court's signing key lives in Key Vault; the app's identity may sign with it and nothing more.
            Assert.Contains("Microsoft.KeyVault/vaults/keys", arm);
            Assert.Contains("\"kty\": \"EC\"", arm);
            Assert.Contains("\"curveName\": \"P-256\"", arm);
            Assert.Contains("\"enablePurgeProtection\": true", arm);
            Assert.Contains("12338af0-0e69-4776-bea7-57ae8d297424", arm); // Key Vault Crypto User
            Assert.Contains("ECourt__Service__SigningKeyVaultKeyUri", arm);
            Assert.DoesNotContain("SigningKeyPem", arm);
            // The bank queues, without local keys, received with the app's identity.
            Assert.Contains("\"disableLocalAuth\": true", arm);
            Assert.Contains("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", arm); // Azure Service Bus Data Receiver
            Assert.Contains("ECourt__Banking__ServiceBus__FullyQualifiedNamespace", arm);
            // The public judgment search, without keys: the app's identity creates its index and writes and reads documents.
            Assert.Contains("Microsoft.Search/searchServices", arm);
            Assert.Contains("7ca78c08-252a-4471-8644-bb5ff32d4ba0", arm); // Search Service Contributor
            Assert.Contains("8ebe5a00-799e-43f5-93ac-243d3dce84a7", arm); // Search Index Data Contributor
            Assert.Contains("ECourt__Search__Endpoint", arm);
            // The platform's CORS answers preflights itself and replaces the app's headers: it is declared empty, and the
            // portal's origins reach the app as its own setting.
            var origins = AllowedOrigins(System.Text.Json.JsonDocument.Parse(arm).RootElement).ToList();
            Assert.NotEmpty(origins);
            Assert.All(origins, o => Assert.Equal(0, o.GetArrayLength()));
            Assert.Contains("ECourt__Cors__AllowedOrigins__", arm);
        }
    }

    /// <summary>Every allowedOrigins list in the ARM template, wherever a resource declares one.</summary>
    private static IEnumerable<System.Text.Json.JsonElement> AllowedOrigins(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p =>
            p.NameEquals("allowedOrigins") ? [p.Value] : AllowedOrigins(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(AllowedOrigins),
        _ => [],
    };

    [Fact]
    public void Compiler_ReportsAWrongProperty()
    {
        // The check above can fail: a misspelt property is a warning the test sees.
        var dir = Directory.CreateTempSubdirectory("bicep-bad").FullName;
        var bad = File.ReadAllText(Repository.Path_("infra", "app.bicep")).Replace("    httpsOnly: true", "    httpsOnly: true\n    httpsOnlyy: true");
        File.WriteAllText(Path.Combine(dir, "app.bicep"), bad);
        var (_, output) = Bicep("build", Path.Combine(dir, "app.bicep"), "--stdout");
        Assert.Contains("Warning BCP037", output);
    }

    [Fact]
    public void AzureYaml_DeclaresTheFunctionService()
    {
        var yaml = File.ReadAllLines(Repository.Path_("azure.yaml")).Select(l => l.Trim()).ToList();
        Assert.Contains("host: function", yaml);
        Assert.Contains("language: dotnet", yaml);
        Assert.Contains("project: ./functions", yaml);
        Assert.Contains("api:", yaml);
        // The Function App carries the azd-service-name tag of that service.
        Assert.Contains("'azd-service-name': 'api'", File.ReadAllText(Repository.Path_("infra", "app.bicep")));
    }

    [Fact]
    public void LocalSettingsSample_IsCommitted_AndNamesStorage()
    {
        var sample = File.ReadAllText(Repository.Path_("local.settings.sample.json"));
        Assert.Contains("AzureWebJobsStorage", sample);
        Assert.Contains("dotnet-isolated", sample);
    }
}
