using System.Collections.Concurrent;

namespace ECourt.Integration.Tests.Broker;

/// <summary>
/// A topic: a message sent to it is copied to every subscription whose filter matches, each copy then received and settled on its
/// own like a queue's message; a message no subscription matches is dropped, as Service Bus drops it.
/// </summary>
internal sealed class BrokerTopic(string name, AmqpTestBroker broker)
{
    private readonly ConcurrentDictionary<string, (string Property, string Value)> _subscriptions = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string subscription, string property, string value) => _subscriptions[subscription] = (property, value);

    public void Publish(BrokerMessage message)
    {
        foreach (var (subscription, filter) in _subscriptions)
            if (message.Properties is { } properties && properties.TryGetValue(filter.Property, out var v) && Equals(v, filter.Value))
                broker.Queue(AmqpTestBroker.SubscriptionPath(name, subscription)).Enqueue(message);
    }
}
