namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A text message to one phone. <paramref name="RepeatabilityId"/> and <paramref name="FirstSentAt"/> stay the
/// same on every retry of the same notice, so a gateway that supports it sends it once however often it is asked.
/// </summary>
public sealed record SmsRequest(string To, string Text, string Tag, Guid RepeatabilityId, DateTimeOffset FirstSentAt);

/// <summary>How a gateway took a message.</summary>
public enum SendStatus
{
    /// <summary>Accepted for delivery; a delivery report may follow.</summary>
    Accepted,
    /// <summary>Refused for good (invalid number, bounced address): service moves to the next channel at once.</summary>
    PermanentFailure,
}

public sealed record SendResult(SendStatus Status, string? ProviderMessageId, string? Error);

/// <summary>
/// Sends SMS notices. Provider-neutral: Azure Communication Services is one gateway (it cannot send to
/// +86 numbers and is not offered in Azure China), a court in China plugs in its own. A transient
/// failure throws, so the caller retries with the same repeatability id.
/// </summary>
public interface ISmsGateway
{
    string Provider { get; }

    Task<SendResult> SendAsync(SmsRequest message, CancellationToken ct = default);
}
