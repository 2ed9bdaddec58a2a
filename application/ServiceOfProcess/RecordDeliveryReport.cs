using ECourt.Domain.ServiceOfProcess;
using Microsoft.Extensions.Logging;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A provider's delivery report for a notice: recorded on its service (a repeated report changes nothing); a failed
/// delivery moves the service to its next channel at once; a report for a message no service sent is kept for operators.
/// </summary>
public sealed class RecordDeliveryReport(IServiceMessageIndex messages, ServiceRecords records, TimeProvider clock,
    ILogger<RecordDeliveryReport> log)
{
    /// <param name="channel">sms or email</param>
    /// <returns>false when no service sent the message</returns>
    public async Task<bool> RunAsync(string channel, string? messageId, bool delivered, DateTimeOffset at, string evidence,
        CancellationToken ct)
    {
        var target = messageId is null ? null : await messages.FindByMessageAsync(channel, messageId, ct);
        if (target is null)
        {
            log.LogWarning("Delivery report for unknown {Channel} message {MessageId}: recorded and ignored", channel, messageId);
            await messages.RecordUnmatchedReportAsync(
                new UnmatchedReport(channel, messageId ?? "(none)", evidence, at, clock.GetUtcNow()), ct);
            return false;
        }
        var kind = delivered ? ServiceEvidenceKind.Delivered : ServiceEvidenceKind.Failed;
        var record = await records.ChangeAsync(target.CaseId, target.ServiceId, r => r.WithEvidence(target.Step, kind, at, evidence),
            "delivery-report", ct);
        if (!delivered && record.Status == ServiceStatus.InProgress && record.CurrentStep == target.Step)
            // A permanent failure (invalid number, bounced address): the next channel at once.
            await records.ChangeAsync(target.CaseId, target.ServiceId,
                r => r.CurrentStep == target.Step && r.Status == ServiceStatus.InProgress ? r.Advance(clock.GetUtcNow(), evidence) : null,
                "advance", ct);
        return true;
    }
}
