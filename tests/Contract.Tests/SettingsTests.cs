using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Application.ServiceOfProcess;
using ECourt.Functions.Composition;
using ECourt.Functions.Http;
using ECourt.Functions.Payments;
using Microsoft.Extensions.Configuration;

namespace ECourt.Contract.Tests;

/// <summary>
/// One list of settings (CourtSettings) against the sample local settings, the Bicep's app settings and the options
/// the app binds; outside Development a missing or malformed setting stops the start, naming it.
/// </summary>
public partial class SettingsTests
{
    private static IConfiguration Config(IEnumerable<KeyValuePair<string, string>> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":"), (string?)v.Value)))
            .Build();

    private static Dictionary<string, string> SampleLocalSettings() =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Repository.Path_("local.settings.sample.json")))!
            ["Values"].Deserialize<Dictionary<string, string>>()!;

    /// <summary>The names of app.bicep's app settings, a court's generated names with "X" for its code and setting.</summary>
    private static List<string> BicepAppSettingNames() => AppSettingName().Matches(File.ReadAllText(Repository.Path_("infra", "app.bicep")))
        .Select(m => Interpolation().Replace(m.Groups[1].Value, "X")).Distinct().ToList();

    [GeneratedRegex(@"\{\s*name:\s*'((?:AzureWebJobsStorage|ECourt|FUNCTIONS|WEBSITE)[^']*)'")]
    private static partial Regex AppSettingName();

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex Interpolation();

    private static IEnumerable<KeyValuePair<string, string>> Court(string code, string prefix, string divorce = "200") =>
        new Dictionary<string, string>
        {
            [$"ECourt:Courts:{code}:Name"] = "黑龙江省哈尔滨市中级人民法院",
            [$"ECourt:Courts:{code}:SettlementAccountPrefix"] = prefix,
            [$"ECourt:Courts:{code}:Fees:EffectiveFrom"] = "2007-04-01",
            [$"ECourt:Courts:{code}:Fees:Divorce"] = divorce,
            [$"ECourt:Courts:{code}:Fees:Personality"] = "300",
            [$"ECourt:Courts:{code}:Fees:OtherNonProperty"] = "80",
            [$"ECourt:Courts:{code}:Fees:IntellectualPropertyNoAmount"] = "800",
            [$"ECourt:Courts:{code}:Fees:JurisdictionObjection"] = "80",
            [$"ECourt:Courts:{code}:Fees:EnforcementNoAmount"] = "300",
        };

    /// <summary>A value of the right form for each setting the Bicep sets, as the deployment would give it.</summary>
    private static readonly Dictionary<string, string> Deployed = new()
    {
        ["AzureWebJobsStorage:credential"] = "managedidentity",
        ["AzureWebJobsStorage:blobServiceUri"] = "https://stcourt.blob.core.windows.net/",
        ["AzureWebJobsStorage:queueServiceUri"] = "https://stcourt.queue.core.windows.net/",
        ["AzureWebJobsStorage:tableServiceUri"] = "https://stcourt.table.core.windows.net/",
        ["ECourt:DefaultCourt"] = "黑01",
        ["ECourt:Identity:TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        ["ECourt:Identity:Instance"] = "https://login.microsoftonline.com/",
        ["ECourt:Identity:Audiences:0"] = "api://6c9f1a2e-4b7d-4e55-9a61-0c3f5e2d8b10",
        ["ECourt:Identity:Audiences:1"] = "6c9f1a2e-4b7d-4e55-9a61-0c3f5e2d8b10",
        ["ECourt:Identity:Issuers:0"] = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0",
        ["ECourt:RateLimit:AnonymousPerMinute"] = "120",
        ["ECourt:Service:SigningKeyVaultKeyUri"] = "https://kv-court.vault.azure.net/keys/service-signing",
        ["ECourt:Service:LinkKey"] = Convert.ToBase64String(new byte[32]),
        ["ECourt:Service:WebhookKey"] = "a-webhook-key-of-length",
        ["ECourt:Service:PortalBaseUrl"] = "https://func-court.azurewebsites.net/api",
        ["ECourt:Service:Sms:Endpoint"] = "https://acs-court.communication.azure.com/",
        ["ECourt:Service:Sms:From"] = "+8610690000",
        ["ECourt:Service:Email:Endpoint"] = "https://acs-court.communication.azure.com/",
        ["ECourt:Service:Email:SenderAddress"] = "DoNotReply@court.example.cn",
        ["ECourt:Banking:ServiceBus:FullyQualifiedNamespace"] = "sb-court.servicebus.windows.net",
        // The Bicep writes one setting per origin of its corsAllowedOrigins parameter (numbered: "X" here).
        ["ECourt:Cors:AllowedOrigins:X"] = "https://portal.court.example",
        ["ECourt:Hearings:VideoBaseAddress"] = "https://video.court.example",
        // One per bank of its bankCodes parameter, and the first of them as the court's own bank.
        ["ECourt:Enforcement:Banks:X"] = "ICBC",
        ["ECourt:Enforcement:CourtBank"] = "ICBC",
        ["ECourt:Search:Endpoint"] = "https://srch-court.search.windows.net",
    };

    [Fact]
    public void SampleLocalSettings_EveryNameOneTheAppReads_AcceptedInDevelopment()
    {
        var sample = SampleLocalSettings();
        Assert.All(sample.Keys, name =>
            Assert.True(CourtSettings.Find(name.Replace("__", ":")) is not null, $"{name} is not in CourtSettings.All"));
        Assert.Empty(CourtSettings.Problems(Config(sample), development: true));
        Assert.Equal("Development", sample["AZURE_FUNCTIONS_ENVIRONMENT"]);
    }

    [Fact]
    public void LocalHostSettings_EveryNameOneTheAppReads()
    {
        var local = new ConfigurationBuilder().AddJsonFile(Repository.Path_("localhost", "appsettings.json")).Build();
        var names = local.AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key.StartsWith("ECourt:", StringComparison.Ordinal)).Select(kv => kv.Key);
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(CourtSettings.Find(name) is not null, $"{name} is not in CourtSettings.All"));
    }

    [Fact]
    public void Bicep_SetsEverySettingRequiredInAzure_AndOnlySettingsTheAppReads()
    {
        var names = BicepAppSettingNames().Select(n => n.Replace("__", ":")).ToList();
        Assert.Contains("ECourt:Courts:X:Fees:X", names);
        Assert.All(names, name => Assert.True(CourtSettings.Find(name) is not null, $"app.bicep sets {name}, which the app does not read"));
        Assert.All(CourtSettings.All.Where(s => s.InAzure), s => Assert.True(
            names.Any(n => n == s.Key || n.StartsWith(s.Key + ":", StringComparison.Ordinal) || n == s.OrInstead),
            $"app.bicep does not set {s.AppSettingName}"));
        Assert.DoesNotContain(names, n => CourtSettings.Find(n)!.DevelopmentOnly);
        Assert.Equal(names.Where(n => !n.StartsWith("ECourt:Courts:", StringComparison.Ordinal)).Order(), Deployed.Keys.Order());
    }

    [Fact]
    public void OutsideDevelopment_WhatTheBicepSets_AndACourt_Accepted()
    {
        Assert.Empty(CourtSettings.Problems(Config(Deployed.Concat(Court("黑01", "62170001"))), development: false));
    }

    [Fact]
    public void OutsideDevelopment_NothingSet_EveryRequiredSettingNamed_WithWhereToSetIt()
    {
        var problems = CourtSettings.Problems(Config([]), development: false);
        foreach (var name in new[]
        {
            "AzureWebJobsStorage__tableServiceUri", "ECourt__Courts", "ECourt__DefaultCourt", "ECourt__Identity__TenantId",
            "ECourt__Service__SigningKeyVaultKeyUri", "ECourt__Service__LinkKey", "ECourt__Service__Sms__Endpoint",
            "ECourt__Service__Sms__From", "ECourt__Service__Email__Endpoint", "ECourt__Service__Email__SenderAddress",
            "ECourt__Banking__ServiceBus__FullyQualifiedNamespace", "ECourt__Search__Endpoint",
        })
            Assert.Contains(problems, p => p.Contains($"({name})", StringComparison.Ordinal)
                && p.Contains("infra/app.bicep", StringComparison.Ordinal));
        // In Development the same configuration runs on the local stand-ins.
        Assert.Empty(CourtSettings.Problems(Config([]), development: true));
    }

    [Theory]
    [InlineData("ECourt:Service:Sms:Endpoint", "acs-court.communication.azure.com", "is not an https URL")]
    [InlineData("ECourt:Service:Sms:From", "010-6900", "E.164")]
    [InlineData("ECourt:Service:Email:SenderAddress", "court", "is not an email address")]
    [InlineData("ECourt:Service:LinkKey", "c2hvcnQ=", "at least 32 bytes")]
    [InlineData("ECourt:Identity:TenantId", "contoso", "GUID")]
    [InlineData("ECourt:Identity:Scope", "api://6c9f1a2e-4b7d-4e55-9a61-0c3f5e2d8b10/access_as_user", "scope's name")]
    [InlineData("ECourt:Service:EventGrid:ApplicationId", "Microsoft.EventGrid", "GUID")]
    [InlineData("ECourt:Banking:ServiceBus:FullyQualifiedNamespace", "sb://sb-court", "host name")]
    [InlineData("ECourt:Lifecycle:RecheckWithoutDeadline", "daily", "duration")]
    [InlineData("ECourt:Banking:MaxDeliveries", "0", "above 0")]
    [InlineData("ECourt:Banking:SuspenseCourt", "京01", "not among the courts served")]
    [InlineData("ECourt:Service:SigningKeyPem", "-----BEGIN PRIVATE KEY-----", "for local runs only")]
    [InlineData("ECourt:Cors:AllowedOrigins:0", "https://portal.court.example/app", "is not an origin")]
    [InlineData("ECourt:Cors:AllowedOrigins:0", "*", "is not an origin")]
    [InlineData("ECourt:Cors:AllowedMethods:0", "get", "is not an HTTP method")]
    [InlineData("ECourt:Cors:AllowedHeaders:0", "If Match", "is not a header's name")]
    [InlineData("ECourt:Search:Endpoint", "srch-court.search.windows.net", "is not an https URL")]
    [InlineData("ECourt:Search:IndexDirectory", ".data/search", "for local runs only")]
    public void OutsideDevelopment_MalformedOrLocalOnlySetting_Named(string key, string value, string problem)
    {
        var settings = new Dictionary<string, string>(Deployed.Concat(Court("黑01", "62170001"))) { [key] = value };
        var found = Assert.Single(CourtSettings.Problems(Config(settings), development: false));
        Assert.StartsWith($"{key} ({key.Replace(":", "__")})", found);
        Assert.Contains(problem, found);
    }

    [Fact]
    public void Courts_CheckedAtStart_FiguresWithinTheNationalRanges_PrefixesUnique_DefaultCourtServed()
    {
        IReadOnlyList<string> With(params IEnumerable<KeyValuePair<string, string>>[] courts) =>
            CourtSettings.Problems(Config(Deployed.Concat(courts.SelectMany(c => c))), development: false);

        // Measures art. 13(2)(1): divorce 50 to 300 yuan a case.
        Assert.Contains("ECourt:Courts:黑01:Fees", Assert.Single(With(Court("黑01", "62170001", divorce: "301"))));
        Assert.Empty(With(Court("黑01", "62170001", divorce: "300")));
        var shared = Assert.Single(With(Court("黑01", "62170001"), Court("黑0102", "62170001")));
        Assert.Contains("黑01 and 黑0102 share the settlement account prefix 62170001", shared);
        Assert.Contains("ECourt:DefaultCourt", Assert.Single(With(Court("黑0102", "62170002"))));
        // As the Bicep writes them (App Service setting names are ASCII): numbered, each with its code.
        var numbered = Court("0", "62170001").Append(KeyValuePair.Create("ECourt:Courts:0:Code", "黑01"));
        Assert.Empty(With(numbered));
        Assert.Equal("黑01", CourtConfiguration.Read(Config(Deployed.Concat(numbered)), sampleWhenNone: false)!.DefaultCourt.Code);
        var wrongFigure = Court("黑01", "62170001").Select(kv => kv.Key.EndsWith("Personality") ? KeyValuePair.Create(kv.Key, "三百") : kv);
        Assert.Contains("ECourt:Courts:黑01:Fees:Personality is an amount in yuan", Assert.Single(With(wrongFigure)));
    }

    [Fact]
    public void EveryOptionTheAppBinds_IsInTheList()
    {
        var bound = new (Type Options, string Section)[]
        {
            (typeof(LifecycleOptions), "ECourt:Lifecycle"),
            (typeof(PaymentsOptions), "ECourt:Banking"),
            (typeof(BankMessagingOptions), "ECourt:Banking"),
            (typeof(ServiceOptions), "ECourt:Service"),
            (typeof(RateLimitOptions), "ECourt:RateLimit"),
            (typeof(IdentityOptions), "ECourt:Identity"),
            (typeof(CorsOptions), "ECourt:Cors"),
            (typeof(ECourt.Adapters.Search.LuceneJudgmentIndexOptions), "ECourt:Search"),
        };
        foreach (var (options, section) in bound)
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                Assert.True(CourtSettings.Find($"{section}:{property.Name}") is not null,
                    $"{section}:{property.Name} ({options.Name}) is not in CourtSettings.All");
    }

    [Fact]
    public async Task FunctionsApp_StartedOutsideDevelopmentWithoutItsSettings_StopsNamingThem()
    {
        var dll = Path.Combine(Path.GetDirectoryName(Repository.FunctionsMetadata)!, "ECourt.Functions.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var settings = start.Environment.Keys.Where(k => k.StartsWith("ECourt", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("AzureWebJobs", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var key in settings)
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stderr + await stdout;
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("The court's settings stop the start", output);
        Assert.Contains("ECourt__Service__Sms__Endpoint", output);
        Assert.Contains("ECourt__Banking__ServiceBus__FullyQualifiedNamespace", output);
    }
}
