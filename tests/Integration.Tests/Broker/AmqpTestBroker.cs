using System.Collections.Concurrent;
using Amqp;
using Amqp.Listener;
using Amqp.Types;

namespace ECourt.Integration.Tests.Broker;

/// <summary>
/// A small in-process AMQP 1.0 listener that speaks enough of the Service Bus protocol for the real
/// Azure.Messaging.ServiceBus client to connect, receive, and complete, abandon or dead-letter by
/// lock token: claims-based security through "$cbs", 16-byte delivery tags as lock tokens, the
/// delivery count in the header and the lock's expiry in the message annotations. Messages that are
/// abandoned come again with their delivery count raised, as Service Bus does. A topic has subscriptions that each filter on one
/// application property (as a SQL filter such as bankCode = 'ICBC' does); a subscription is received like a queue. Duplicate
/// detection is not emulated: a message sent twice with the same id arrives twice.
/// </summary>
public sealed class AmqpTestBroker : IDisposable
{
    private readonly ContainerHost _host;
    private readonly ConcurrentDictionary<string, BrokerQueue> _queues = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, BrokerTopic> _topics = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<BrokerSettlement> _settlements = new();

    private AmqpTestBroker(int port)
    {
        Port = port;
        if (Environment.GetEnvironmentVariable("ECOURT_AMQP_TRACE") == "1")
        {
            Trace.TraceLevel = TraceLevel.Frame;
            Trace.TraceListener = (level, format, args) => Console.Error.WriteLine("[amqp] " + string.Format(format, args));
        }
        _host = new ContainerHost(new Address($"amqp://127.0.0.1:{port}"));
        var listener = _host.Listeners[0];
        listener.SASL.EnableMechanism(new Symbol(ClaimsBasedSecurity.Mechanism), new ClaimsBasedSecurity.SaslProfile());
        listener.HandlerFactory = _ => new LockTokenTags();
        _host.RegisterRequestProcessor("$cbs", new ClaimsBasedSecurity.TokenProcessor());
        _host.RegisterLinkProcessor(new BrokerLinks(this));
        _host.Open();
    }

    public int Port { get; }

    /// <summary>What the Service Bus client needs to reach this broker: the emulator form of a connection string (plain AMQP, no
    /// TLS).</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;UseDevelopmentEmulator=true;";

    public static AmqpTestBroker Start() => new(CourtTestHost.FreePort());

    /// <summary>The client addresses a queue as "/name" or "name", a subscription as "{topic}/Subscriptions/{subscription}".</summary>
    internal BrokerQueue Queue(string address) => _queues.GetOrAdd(address.TrimStart('/'), n => new BrokerQueue(n, this));

    /// <summary>Where a client's sender puts its messages: a topic's subscriptions when the address is a topic, else a queue.</summary>
    internal Action<BrokerMessage> Accept(string address) =>
        _topics.TryGetValue(address.TrimStart('/'), out var topic) ? topic.Publish : Queue(address).Enqueue;

    /// <summary>
    /// Adds a subscription to a topic (declaring the topic): it receives a copy of every message whose application property
    /// <paramref name="property"/> equals <paramref name="value"/>, as the rule <c>{property} = '{value}'</c> of Service Bus does.
    /// Declare topics before a client's sender attaches to them.
    /// </summary>
    public AmqpTestBroker Subscribe(string topic, string subscription, string property, string value)
    {
        _topics.GetOrAdd(topic, t => new BrokerTopic(t, this)).Add(subscription, property, value);
        return this;
    }

    /// <summary>How many messages wait on a queue or subscription (not counting those out under lock).</summary>
    public int Waiting(string entity) => Queue(entity).Waiting;

    public static string SubscriptionPath(string topic, string subscription) => $"{topic}/Subscriptions/{subscription}";

    /// <summary>Puts a message on a queue, as a bank's sender would.</summary>
    public void Send(string queue, string body, string messageId) => Queue(queue).Enqueue(new BrokerMessage(messageId, body, 0));

    public IReadOnlyList<BrokerSettlement> Settlements => _settlements.ToArray();

    internal void Record(BrokerSettlement settlement) => _settlements.Enqueue(settlement);

    /// <summary>Waits until a settlement matching <paramref name="match"/> has been recorded.</summary>
    public async Task<BrokerSettlement> WaitForAsync(Func<BrokerSettlement, bool> match, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (_settlements.FirstOrDefault(match) is { } found) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException("No such settlement; recorded: " + string.Join(", ", _settlements.Select(s =>
            $"{s.MessageId} {s.Action} #{s.DeliveryCount}")));
    }

    public void Dispose() => _host.Close();
}

/// <summary>How the client settled one delivery of a message.</summary>
/// <param name="Action">complete, abandon, dead-letter or release</param>
public sealed record BrokerSettlement(string Queue, string MessageId, string Action, int DeliveryCount, string? Reason,
    string? Description);

internal sealed record BrokerMessage(string MessageId, string Body, int PreviousDeliveries, string? Subject = null,
    string? ContentType = null, IReadOnlyDictionary<string, object?>? Properties = null);
