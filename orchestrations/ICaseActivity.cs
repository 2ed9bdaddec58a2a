using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Orchestrations;

/// <summary>
/// An activity as a plain service: the Functions app calls it from an [ActivityTrigger] function,
/// and the durable workers of the local host and the tests resolve it from their services.
/// </summary>
public interface ICaseActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken ct = default);
}

internal sealed class ServiceActivity<TService, TInput, TOutput>(TService service) : TaskActivity<TInput, TOutput>
    where TService : ICaseActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => service.RunAsync(input);

    public static Func<IServiceProvider, ITaskActivity> Factory => sp => new ServiceActivity<TService, TInput, TOutput>(sp.GetRequiredService<TService>());
}
