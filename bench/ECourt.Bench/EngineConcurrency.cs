using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Bench;

/// <summary>
/// Why scripts/test and bench/run set DOTNET_PROCESSOR_COUNT: the in-memory durable engine's sidecar
/// dispatches as many work items as it sees processors and waits 500 ms whenever they are all busy,
/// whatever the worker's own concurrency options say. One orchestrator calling three activities, N
/// instances started at once, measured in child processes that see the machine's real processor count
/// (the baseline) and a raised one, in the same run.
/// </summary>
public static class EngineConcurrency
{
    public static async Task RunAsync(int instances)
    {
        var cores = Machine.RealCores();
        var baseline = Child(instances, cores);
        var raised = Child(instances, 64);
        Console.WriteLine($"| processor count the engine sees | orchestrations/s ({instances} instances, 3 activities each, {cores} cores, worker concurrency 64) |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| {cores} (the machine's) | {baseline:F1} |");
        Console.WriteLine($"| 64 (DOTNET_PROCESSOR_COUNT) | {raised:F1} |");
        Console.WriteLine($"| ratio | {raised / baseline:F1} |");
        await Task.CompletedTask;
    }

    private static double Child(int instances, int processors)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(EngineConcurrency).Assembly.Location);
        start.ArgumentList.Add("engine-child");
        start.ArgumentList.Add(instances.ToString(CultureInfo.InvariantCulture));
        start.Environment["DOTNET_PROCESSOR_COUNT"] = processors.ToString(CultureInfo.InvariantCulture);
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        return double.Parse(output.Trim().Split('\n').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs in the child: prints orchestrations per second.</summary>
    public static async Task ChildAsync(int instances)
    {
        await using var host = await DurableTaskTestHost.StartAsync(registry => registry
            .AddActivityFunc<int, int>("Step", (_, x) => x + 1)
            .AddOrchestratorFunc<int, int>("ThreeSteps", async (context, x) =>
            {
                x = await context.CallActivityAsync<int>("Step", x);
                x = await context.CallActivityAsync<int>("Step", x);
                return await context.CallActivityAsync<int>("Step", x);
            }), new DurableTaskTestHostOptions
            {
                Port = ECourt.Testing.CourtTestHost.FreePort(),
                ConfigureServices = services => services.Configure<DurableTaskWorkerOptions>(o =>
                {
                    o.Concurrency.MaximumConcurrentOrchestrationWorkItems = 64;
                    o.Concurrency.MaximumConcurrentActivityWorkItems = 64;
                }),
            });
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(i => host.Client.ScheduleNewOrchestrationInstanceAsync("ThreeSteps", i)));
        foreach (var id in ids)
        {
            var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != 3 + int.Parse(done.SerializedInput!, CultureInfo.InvariantCulture))
                throw new InvalidOperationException($"{id} {done.RuntimeStatus} {done.SerializedOutput}");
        }
        Console.WriteLine((instances / clock.Elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture));
    }
}
