using System.Reflection;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Functions.Composition;
using ECourt.Functions.Http;
using ECourt.Functions.Messaging;
using ECourt.LocalHost.Durable;
using ECourt.Orchestrations;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;

namespace ECourt.LocalHost;

/// <summary>
/// Composes the local host: the Functions app's services, a durable engine, the function routes and the local-only routes.
/// </summary>
public static class LocalHostSetup
{
    public static Assembly FunctionsAssembly => typeof(CourtComposition).Assembly;

    public static IServiceCollection AddECourtLocalHost(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // The local host is its own identity provider (/api/local/sign-in): it believes the X-MS-CLIENT-PRINCIPAL it issues.
        services.AddSingleton(ClientPrincipalTrust.DevelopmentIdentityProvider);
        // Court time that the clock route moves forward, read from storage before anything else starts.
        services.AddSingleton<LocalCourtClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<LocalCourtClock>());
        services.AddHostedService<LocalCourtClock.Loader>();
        // The durable client is in this host's services: messages go straight to the engine.
        services.AddSingleton<ClientDurableMessaging>();
        services.AddSingleton<IDurableMessaging>(sp => sp.GetRequiredService<ClientDurableMessaging>());
        services.AddSingleton<ILifecycleInstances>(sp => sp.GetRequiredService<ClientDurableMessaging>());
        // The Functions app's timer trigger sweeps lifecycles every five minutes; the local host runs the same on its own timer.
        services.AddHostedService<LocalLifecycleSweep>();
        // The Functions app's queue trigger applies the index queue to the search; the local host receives the same queue.
        services.AddHostedService<Functions.Messaging.JudgmentIndexQueuePump>();
        services.AddECourt(configuration);
        services.AddSingleton(new FunctionRouteTable(FunctionsAssembly,
            FunctionRouteTable.ReadRoutePrefix(Path.Combine(AppContext.BaseDirectory, "host.json"))));
        var durablePort = configuration.GetValue<int?>("ECourt:LocalHost:DurablePort") ?? 7072;
        switch (configuration["ECourt:LocalHost:DurableEngine"] ?? "azure-storage")
        {
            case "azure-storage":
                var connection = CourtComposition.StorageOptionsFrom(configuration).ConnectionString
                    ?? throw new InvalidOperationException(
                        "The local host's durable engine needs a storage connection string (ECourt:Storage:ConnectionString).");
                services.AddAzureStorageDurableEngine(connection, configuration["ECourt:LocalHost:TaskHub"] ?? "ECourtLocal", durablePort);
                break;
            case "in-memory":
                services.AddInMemoryDurableTask(OrchestrationCatalog.Register, new InMemoryDurableTaskOptions { Port = durablePort });
                break;
            default:
                throw new InvalidOperationException("ECourt:LocalHost:DurableEngine is azure-storage or in-memory.");
        }
        services.Configure<DurableTaskWorkerOptions>(o =>
        {
            o.Concurrency.MaximumConcurrentOrchestrationWorkItems = 64;
            o.Concurrency.MaximumConcurrentActivityWorkItems = 64;
        });
        return services;
    }

    public static WebApplication MapECourtLocalHost(this WebApplication app)
    {
        LocalRoutes.Map(app);
        // Lowest-priority endpoint: everything that is not a local-only route, file-like paths included (openapi.json).
        app.MapFallback("{**path}", Dispatch);
        return app;
    }

    /// <summary>
    /// Every request that is not a local-only route goes to the Functions app's HTTP functions. One that none serves is 404,
    /// whether its path is unknown or served with another method: the Functions host's router answers both so (it has no 405),
    /// and a client meets the same status in either host.
    /// </summary>
    public static async Task Dispatch(HttpContext context)
    {
        var table = context.RequestServices.GetRequiredService<FunctionRouteTable>();
        if (table.Match(context.Request.Method, context.Request.Path) is { } match)
        {
            await table.InvokeAsync(match.Route, match.Values, context);
            return;
        }
        await ServedAnswer.Of(context.Request, ProblemResult.From(ApiProblem.NotFound("such route"), context.Request.Path))
            .ExecuteResultAsync(new Microsoft.AspNetCore.Mvc.ActionContext { HttpContext = context });
    }
}
