using ECourt.Domain.Parties;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>Settings of electronic service (section ECourt:Service).</summary>
public sealed class ServiceOptions
{
    /// <summary>The court's order of electronic channels.</summary>
    public List<ServiceChannel> ChannelOrder { get; set; } = [ServiceChannel.Sms, ServiceChannel.Email];

    /// <summary>How long a notice waits for its evidence before service moves to the next channel.</summary>
    public TimeSpan SmsTimeout { get; set; } = TimeSpan.FromDays(2);
    public TimeSpan EmailTimeout { get; set; } = TimeSpan.FromDays(2);
    /// <summary>How long a document put into the inbox of an account the party did not give itself waits to be opened.</summary>
    public TimeSpan InboxTimeout { get; set; } = TimeSpan.FromDays(2);
    /// <summary>How long post waits for the clerk to record its result before public notice is considered.</summary>
    public TimeSpan PostTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a notice's link to the inbox stays valid.</summary>
    public TimeSpan LinkValidity { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The portal's address; links are {PortalBaseUrl}/inbox/open?t={token}.</summary>
    public string PortalBaseUrl { get; set; } = "http://localhost:7071/api";

    /// <summary>Base64 of the key that signs inbox links (at least 32 bytes). Never logged.</summary>
    public string? LinkKey { get; set; }

    public byte[] LinkKeyBytes()
    {
        var key = string.IsNullOrEmpty(LinkKey)
            ? throw new InvalidOperationException("ECourt:Service:LinkKey is not set.")
            : Convert.FromBase64String(LinkKey);
        return key.Length >= 32 ? key : throw new InvalidOperationException("ECourt:Service:LinkKey must be at least 32 bytes.");
    }

    public TimeSpan TimeoutOf(Domain.ServiceOfProcess.ServiceMethod method) => method switch
    {
        Domain.ServiceOfProcess.ServiceMethod.Sms => SmsTimeout,
        Domain.ServiceOfProcess.ServiceMethod.Email => EmailTimeout,
        Domain.ServiceOfProcess.ServiceMethod.Inbox => InboxTimeout,
        _ => PostTimeout,
    };
}
