using System.Reflection;

namespace ECourt.Integration.Tests.Broker;

/// <summary>
/// The Service Bus client reads a message's lock token from its delivery tag, which must be a 16-byte
/// GUID; AMQPNetLite numbers its tags, so this handler gives each outgoing delivery a GUID tag instead.
/// The tag is not public in AMQPNetLite, hence reflection.
/// </summary>
internal sealed class LockTokenTags : Amqp.Handler.IHandler
{
    private static readonly PropertyInfo Tag = typeof(Amqp.Message).Assembly.GetType("Amqp.Delivery")!
        .GetProperty("Tag", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!;

    public bool CanHandle(Amqp.Handler.EventId id) => id == Amqp.Handler.EventId.SendDelivery;

    public void Handle(Amqp.Handler.Event protocolEvent) => Tag.SetValue(protocolEvent.Context, Guid.NewGuid().ToByteArray());
}
