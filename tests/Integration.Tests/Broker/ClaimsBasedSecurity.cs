using Amqp;
using Amqp.Framing;
using Amqp.Listener;
using Amqp.Sasl;
using Amqp.Types;

namespace ECourt.Integration.Tests.Broker;

/// <summary>
/// Service Bus authenticates by putting a token to the "$cbs" node after a SASL exchange with its own
/// mechanism name. The test broker accepts every token: what is tested is the client's wiring, not the key.
/// </summary>
internal static class ClaimsBasedSecurity
{
    public const string Mechanism = "MSSBCBS";

    public sealed class SaslProfile() : Amqp.Sasl.SaslProfile(new Symbol(ClaimsBasedSecurity.Mechanism))
    {
        protected override ITransport UpgradeTransport(ITransport transport) => transport;

        protected override DescribedList GetStartCommand(string hostname) => new SaslInit { Mechanism = ClaimsBasedSecurity.Mechanism };

        protected override DescribedList OnCommand(DescribedList command) => command is SaslInit ? new SaslOutcome { Code = SaslCode.Ok } : null!;
    }

    public sealed class TokenProcessor : IRequestProcessor
    {
        public int Credit => 100;

        public void Process(RequestContext context)
        {
            var reply = new Message("accepted") { ApplicationProperties = new ApplicationProperties() };
            reply.ApplicationProperties["status-code"] = 202;
            reply.ApplicationProperties["status-description"] = "Accepted";
            context.Complete(reply);
        }
    }
}
