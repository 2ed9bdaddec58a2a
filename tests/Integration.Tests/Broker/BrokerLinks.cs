using Amqp.Listener;

namespace ECourt.Integration.Tests.Broker;

/// <summary>
/// Attaches each link to its queue or topic: a client's receiver gets a sending endpoint (on a queue, or a subscription addressed as
/// "{topic}/Subscriptions/{name}"), a client's sender a receiving one.
/// </summary>
internal sealed class BrokerLinks(AmqpTestBroker broker) : ILinkProcessor
{
    public void Process(AttachContext attach)
    {
        // The Service Bus client refuses a link without a maximum message size.
        attach.Attach.MaxMessageSize = 1024UL * 1024;
        if (attach.Attach.Role)
        {
            var address = ((Amqp.Framing.Source)attach.Attach.Source).Address;
            attach.Complete(new BrokerQueue.Consumer(broker.Queue(address)), 0);
        }
        else
        {
            var address = ((Amqp.Framing.Target)attach.Attach.Target).Address;
            attach.Complete(new BrokerQueue.Producer(broker.Accept(address)), 100);
        }
    }
}
