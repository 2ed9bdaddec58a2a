using ECourt.Functions.Composition;
using ECourt.LocalHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Contract.Tests;

/// <summary>The services of each host as its composition root builds them, with only the settings composition needs.</summary>
public static class Hosts
{
    private static readonly string SigningKeyPem =
        System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    private static IConfiguration Settings(params (string Key, string Value)[] extra) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ECourt:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["ECourt:Service:SigningKeyPem"] = SigningKeyPem,
        }.Concat(extra.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))))
        .Build();

    /// <summary>The Functions app's services (Program.cs composes the same).</summary>
    public static ServiceProvider FunctionsApp()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddECourt(Settings());
        return services.BuildServiceProvider();
    }

    /// <summary>The local host's services with the durable engine named (azure-storage or in-memory).</summary>
    public static ServiceProvider LocalHost(string engine)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddECourtLocalHost(Settings(("ECourt:LocalHost:DurableEngine", engine)), Repository.Root);
        return services.BuildServiceProvider();
    }

    public static ServiceProvider Named(string host) => host == "functions" ? FunctionsApp() : LocalHost(host);
}
