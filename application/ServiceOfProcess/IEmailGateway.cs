namespace ECourt.Application.ServiceOfProcess;

/// <summary>An email notice to one address. <paramref name="OperationId"/> stays the same on every retry of the same notice.</summary>
public sealed record EmailRequest(string To, string? DisplayName, string Subject, string PlainText, Guid OperationId);

/// <summary>
/// Sends email notices (Communication Services Email, or the court's own mail server over SMTP). A transient failure throws.
/// </summary>
public interface IEmailGateway
{
    string Provider { get; }

    Task<SendResult> SendAsync(EmailRequest message, CancellationToken ct = default);
}
