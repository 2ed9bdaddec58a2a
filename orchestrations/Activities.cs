using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Orchestrations;

/// <summary>One activity: its name (what orchestrators call and the Functions app's trigger is named), and the use case it runs.</summary>
public sealed record ActivityDefinition(string Name, Type UseCase, Type Input, Type Output,
    Func<object, object, CancellationToken, Task<object?>> Run)
{
    /// <summary>Runs the activity with its use case from <paramref name="services"/>.</summary>
    public async Task<TOutput> RunAsync<TInput, TOutput>(IServiceProvider services, TInput input, CancellationToken ct) =>
        (TOutput)(await Run(services.GetRequiredService(UseCase), input!, ct))!;
}

/// <summary>
/// A stage's activities, each a thin call of one use case, declared once: the list registers them with the durable
/// workers (local host, tests) and gives the Functions app's activity triggers the same call.
/// </summary>
public sealed class ActivityList
{
    private readonly List<ActivityDefinition> _activities = [];

    public IReadOnlyList<ActivityDefinition> All => _activities;

    public ActivityList Add<TUseCase, TInput, TOutput>(string name, Func<TUseCase, TInput, CancellationToken, Task<TOutput>> run)
        where TUseCase : notnull
    {
        _activities.Add(new ActivityDefinition(name, typeof(TUseCase), typeof(TInput), typeof(TOutput),
            async (useCase, input, ct) => await run((TUseCase)useCase, (TInput)input, ct)));
        return this;
    }

    public ActivityDefinition this[string name] => _activities.Single(a => a.Name == name);

    public void Register(DurableTaskRegistry registry)
    {
        foreach (var activity in _activities)
            registry.AddActivity(activity.Name, sp => (ITaskActivity)Activator.CreateInstance(
                typeof(UseCaseActivity<,>).MakeGenericType(activity.Input, activity.Output), activity, sp)!);
    }

    private sealed class UseCaseActivity<TInput, TOutput>(ActivityDefinition activity, IServiceProvider services)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
            activity.RunAsync<TInput, TOutput>(services, input, CancellationToken.None);
    }
}
