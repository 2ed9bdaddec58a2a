using System.Text;
using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Types;

namespace ECourt.Integration.Tests.Broker;

/// <summary>One queue: messages waiting, the consumers' link credit, and what is out under lock.</summary>
internal sealed class BrokerQueue(string name, AmqpTestBroker broker)
{
    private readonly object _gate = new();
    private readonly Queue<BrokerMessage> _waiting = new();
    private readonly List<Consumer> _consumers = [];
    private long _sequence;

    public string Name { get; } = name;

    /// <summary>Messages waiting for a consumer (not those out under lock).</summary>
    public int Waiting
    {
        get
        {
            lock (_gate) return _waiting.Count;
        }
    }

    public void Enqueue(BrokerMessage message)
    {
        lock (_gate) _waiting.Enqueue(message);
        Pump();
    }

    private void Pump()
    {
        while (true)
        {
            BrokerMessage next;
            Consumer to;
            lock (_gate)
            {
                var ready = _consumers.FirstOrDefault(c => c.Credit > 0);
                if (ready is null || _waiting.Count == 0) return;
                next = _waiting.Dequeue();
                to = ready;
                to.Credit--;
            }
            to.Deliver(ToAmqp(next), next);
        }
    }

    private Message ToAmqp(BrokerMessage m) => new()
    {
        BodySection = new Data { Binary = Encoding.UTF8.GetBytes(m.Body) },
        Properties = new Properties { MessageId = m.MessageId, ContentType = m.ContentType ?? "application/json", Subject = m.Subject },
        ApplicationProperties = Properties(m),
        // Service Bus reports this delivery as number PreviousDeliveries + 1.
        Header = new Header { DeliveryCount = (uint)m.PreviousDeliveries, Durable = true },
        MessageAnnotations = new MessageAnnotations
        {
            [new Symbol("x-opt-locked-until")] = DateTime.UtcNow.AddMinutes(5),
            [new Symbol("x-opt-sequence-number")] = Interlocked.Increment(ref _sequence),
            [new Symbol("x-opt-enqueued-time")] = DateTime.UtcNow,
        },
    };

    private static ApplicationProperties? Properties(BrokerMessage m)
    {
        if (m.Properties is not { Count: > 0 } properties) return null;
        var amqp = new ApplicationProperties();
        foreach (var (key, value) in properties) amqp[key] = value;
        return amqp;
    }

    private void Settled(BrokerMessage m, DeliveryState? state)
    {
        var deliveries = m.PreviousDeliveries + 1;
        switch (state)
        {
            case Accepted:
                broker.Record(new(Name, m.MessageId, "complete", deliveries, null, null));
                break;
            case Rejected { Error: var error }:
                broker.Record(new(Name, m.MessageId, "dead-letter", deliveries, Field(error, "DeadLetterReason"), Field(error,
                    "DeadLetterErrorDescription")));
                break;
            case Modified:
                broker.Record(new(Name, m.MessageId, "abandon", deliveries, null, null));
                Enqueue(m with { PreviousDeliveries = deliveries });
                break;
            default:
                broker.Record(new(Name, m.MessageId, "release", deliveries, null, null));
                Enqueue(m);
                break;
        }
    }

    /// <summary>Service Bus puts the dead-letter reason and description in the rejection's error info, keyed by symbols.</summary>
    private static string? Field(Error? error, string name) =>
        error?.Info is { } info && info.TryGetValue(new Symbol(name), out var value) ? value as string : null;

    /// <summary>The broker's end of a client's receiving link.</summary>
    public sealed class Consumer(BrokerQueue queue) : LinkEndpoint
    {
        private readonly Dictionary<Message, BrokerMessage> _outstanding = new(ReferenceEqualityComparer.Instance);
        private ListenerLink? _link;

        public int Credit { get; set; }

        public void Deliver(Message amqp, BrokerMessage message)
        {
            lock (_outstanding) _outstanding[amqp] = message;
            _link!.SendMessage(amqp);
        }

        public override void OnFlow(FlowContext flow)
        {
            _link = flow.Link;
            lock (queue._gate)
            {
                Credit = flow.Messages;
                if (!queue._consumers.Contains(this)) queue._consumers.Add(this);
            }
            queue.Pump();
            if (flow.Link.IsDraining)
            {
                // Nothing more to send: the credit the client asked us to use up is gone.
                lock (queue._gate) Credit = 0;
                flow.Link.CompleteDrain();
            }
        }

        public override void OnDisposition(DispositionContext disposition)
        {
            BrokerMessage? message;
            lock (_outstanding)
                if (_outstanding.Remove(disposition.Message, out message)) { }
            disposition.Complete();
            if (message is not null) queue.Settled(message, disposition.DeliveryState);
        }

        public override void OnLinkClosed(ListenerLink link, Error error)
        {
            lock (queue._gate) queue._consumers.Remove(this);
            // Messages out under lock on a closed link come again, as when their locks expire.
            List<BrokerMessage> unsettled;
            lock (_outstanding)
            {
                unsettled = _outstanding.Values.ToList();
                _outstanding.Clear();
            }
            foreach (var m in unsettled) queue.Enqueue(m);
        }
    }

    /// <summary>
    /// The broker's end of a client's sending link: each message sent by the client joins the queue, or the topic's subscriptions,
    /// with its id, content type, subject and application properties. One message per transfer, as SendMessageAsync sends it (the
    /// batched format of SendMessagesAsync with several messages is not read).
    /// </summary>
    public sealed class Producer(Action<BrokerMessage> accept) : LinkEndpoint
    {
        public override void OnMessage(MessageContext context)
        {
            var m = context.Message;
            var body = m.BodySection is Data data ? Encoding.UTF8.GetString(data.Binary) : m.Body?.ToString() ?? "";
            var properties = m.ApplicationProperties?.Map.ToDictionary(p => p.Key.ToString()!, p => (object?)p.Value) ?? [];
            accept(new BrokerMessage(m.Properties?.MessageId ?? Guid.NewGuid().ToString("N"), body, 0,
                m.Properties?.Subject, m.Properties?.ContentType, properties));
            context.Complete();
        }

        public override void OnFlow(FlowContext flow) { }

        public override void OnDisposition(DispositionContext disposition) => disposition.Complete();
    }
}
