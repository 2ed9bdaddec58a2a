using ECourt.Application.ServiceOfProcess;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ECourt.Adapters.Communication;

/// <summary>
/// Email through the court's own mail server over SMTP (MailKit): for courts with their own servers and
/// for local runs. The notice's operation id becomes its Message-Id, so a retried notice carries the same
/// id. The server's acceptance is not a delivery report: service to a confirmed address still waits for one.
/// </summary>
public sealed class SmtpEmailGateway(SmtpOptions options) : IEmailGateway
{
    public string Provider => "smtp";

    public async Task<SendResult> SendAsync(EmailRequest message, CancellationToken ct = default)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new TextPart("plain") { Text = message.PlainText },
            MessageId = $"{message.OperationId:N}@{options.MessageIdDomain}",
        };
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(new MailboxAddress(message.DisplayName ?? "", message.To));
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Host, options.Port, options.Security, ct);
            if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(true, ct);
            return new SendResult(SendStatus.Accepted, mime.MessageId, null);
        }
        catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted
            && (int)ex.StatusCode >= 500)
        {
            // 5xx for the recipient: the address does not exist or is refused for good.
            return new SendResult(SendStatus.PermanentFailure, mime.MessageId, $"{(int)ex.StatusCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException
            or System.Net.Sockets.SocketException)
        {
            throw new HttpRequestException($"The mail server could not take the notice now: {ex.Message}", ex);
        }
    }
}

/// <summary>Settings of the SMTP gateway (ECourt:Service:Smtp).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "送达平台 <no-reply@court.example>";
    public string MessageIdDomain { get; set; } = "ecourt.local";
}
