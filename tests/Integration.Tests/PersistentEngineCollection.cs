namespace ECourt.Integration.Tests;

/// <summary>
/// Tests on the persistent durable engine (the Azure Storage provider polling Azurite's queues, or the local host as a
/// process): they run by themselves, after the parallel ones, because a round of theirs waits on queue polls that a
/// 2-core machine busy with four other test classes can delay past any sensible bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PersistentEngineCollection
{
    public const string Name = "Persistent durable engine";
}
