using ECourt.Adapters.Communication;
using ECourt.Application.ServiceOfProcess;
using netDumbster.smtp;

namespace ECourt.Integration.Tests;

/// <summary>The SMTP email gateway against an in-process SMTP server.</summary>
public class SmtpEmailGatewayTests
{
    [Fact]
    public async Task Notice_ArrivesWithItsIds_InChinese()
    {
        using var server = SimpleSmtpServer.Start(CourtTestHost.FreePort());
        var gateway = new SmtpEmailGateway(new SmtpOptions { Port = server.Configuration.Port, Security = MailKit.Security.SecureSocketOptions.None });
        var operation = Guid.NewGuid();
        var result = await gateway.SendAsync(new EmailRequest("wang@example.com", "王建国", "（2026）黑01民初123号起诉状副本", "王建国：起诉状副本已送达诉讼服务平台。", operation));
        Assert.Equal(SendStatus.Accepted, result.Status);
        Assert.Equal($"{operation:N}@ecourt.local", result.ProviderMessageId);
        var mail = Assert.Single(server.ReceivedEmail);
        Assert.Equal("wang@example.com", Assert.Single(mail.ToAddresses).Address);
        var mime = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal("（2026）黑01民初123号起诉状副本", mime.Subject);
        Assert.Contains("起诉状副本已送达", mime.TextBody);
        Assert.Equal(result.ProviderMessageId, mime.MessageId);
    }

    [Fact]
    public async Task ServerDown_Transient_Throws()
    {
        var gateway = new SmtpEmailGateway(new SmtpOptions { Port = CourtTestHost.FreePort(), Security = MailKit.Security.SecureSocketOptions.None });
        await Assert.ThrowsAsync<HttpRequestException>(() => gateway.SendAsync(new EmailRequest("wang@example.com", null, "s", "t", Guid.NewGuid())));
    }
}
