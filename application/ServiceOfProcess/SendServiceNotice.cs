using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Cases;
using ECourt.Application.Parties;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// Starts the current step: puts the document in the recipient's inbox, sends the SMS or email notice with a signed,
/// expiring link (never the document), and records the provider's answer. An inbox step is delivered into the inbox
/// alone; post starts without a provider (a clerk records its result); public notice waits for a judge. A step already
/// started is not started again; a retry after a lost confirmation reuses the notice's repeatability id.
/// </summary>
public sealed class SendServiceNotice(ServiceRecords records, IServiceMessageIndex messages, ICaseStore cases, CourtDirectory courts,
    ISmsGateway sms, IEmailGateway email, IInbox inbox, ServiceOptions options, PartyLinkKey linkKey, TimeProvider clock)
{
    public async Task<ServiceState> RunAsync(ServiceRef input, CancellationToken ct = default)
    {
        var record = (await records.GetAsync(input.CaseId, input.ServiceId, ct)).Value;
        if (record.Status != ServiceStatus.InProgress || record.Current is { Outcome: not "sending" }
            || record.Step.Method is not (ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox))
            return records.StateOf(record);
        var courtCase = (await cases.GetAsync(record.CaseId, ct) ?? throw new CaseNotFoundException(record.CaseId)).Case;
        var now = clock.GetUtcNow();
        if (record.Step.Method == ServiceMethod.Inbox) return await DeliverToInboxAsync(record, courtCase, now, ct);
        // The party's account as the case knows it now: linked by its holder after this service began, it receives from here on.
        var account = courtCase.Parties.FirstOrDefault(p => p.PartyNumber == record.PartyNumber)?.PlatformAccount;
        if (record.Current is null || (record.RecipientUserId is null && account is not null))
            record = (await records.UpdateAsync(record.CaseId, record.ServiceId, r =>
                r.Current is null || (r.RecipientUserId is null && account is not null)
                    ? (r.Current is null ? r.Sending(now) : r) with { RecipientUserId = r.RecipientUserId ?? account }
                    : null, ct)).After.Value;
        var firstSent = record.Current!.StartedAt;
        var itemId = ItemId(record);
        if (record.RecipientUserId is { } userId)
            await inbox.AddAsync(new InboxItem(itemId, userId, record.CaseId, courtCase.CaseNumber, record.ServiceId, record.DocumentId,
                record.Kind, ServiceNoticeTemplates.Title(record.Kind), now, null), ct);

        var step = record.Step;
        var stepIndex = record.CurrentStep;
        var expires = now + options.LinkValidity;
        var link = $"{options.PortalBaseUrl.TrimEnd('/')}/inbox/open?t={Uri.EscapeDataString(DocumentLinkToken.Issue(options.LinkKeyBytes(), itemId, expires))}";
        var notice = ServiceNoticeTemplates.Render(record.Kind,
            new NoticeValues(courts.TryGet(courtCase.Court, out var court) ? court.Name : courtCase.Court,
                courtCase.CaseNumber ?? courtCase.CaseId, record.Recipient, link, expires, await LinkCodeAsync(record, now, ct)));
        // The same notice keeps the same id on every retry: the gateway sends it once.
        var noticeId = NoticeId(record);
        var result = step.Method == ServiceMethod.Sms
            ? await sms.SendAsync(new SmsRequest(step.Address!, notice.Sms, record.ServiceId, noticeId, firstSent), ct)
            : await email.SendAsync(new EmailRequest(step.Address!, record.Recipient, notice.EmailSubject, notice.EmailText, noticeId), ct);
        var provider = step.Method == ServiceMethod.Sms ? sms.Provider : email.Provider;
        if (result.ProviderMessageId is { } messageId)
            await messages.IndexMessageAsync(step.Method == ServiceMethod.Sms ? "sms" : "email", messageId,
                new ServiceMessage(record.CaseId, record.ServiceId, stepIndex), ct);
        var refused = result.Status == SendStatus.PermanentFailure;
        var change = await records.UpdateAsync(record.CaseId, record.ServiceId,
            r => r.CurrentStep == stepIndex ? r.Sent(provider, result.ProviderMessageId, refused, result.Error, now) : null, ct);
        // The party's account was linked while this step was sending (InboxOnLink found no attempt yet): its inbox gets the item now.
        if (record.RecipientUserId is null && change.After.Value.RecipientUserId is { } linked)
            await inbox.AddAsync(new InboxItem(itemId, linked, record.CaseId, courtCase.CaseNumber, record.ServiceId, record.DocumentId,
                record.Kind, ServiceNoticeTemplates.Title(record.Kind), now, null), ct);
        return records.StateOf(change.After.Value);
    }

    /// <summary>The inbox step: the document goes into the account's inbox, which is its delivery; no notice is sent.</summary>
    private async Task<ServiceState> DeliverToInboxAsync(ServiceRecord record, CourtCase courtCase, DateTimeOffset now,
        CancellationToken ct)
    {
        var itemId = ItemId(record);
        var step = record.CurrentStep;
        await inbox.AddAsync(new InboxItem(itemId, record.Step.Address!, record.CaseId, courtCase.CaseNumber, record.ServiceId,
            record.DocumentId, record.Kind, ServiceNoticeTemplates.Title(record.Kind), now, null), ct);
        var change = await records.UpdateAsync(record.CaseId, record.ServiceId,
            r => r.CurrentStep == step ? r.DeliveredToInbox(now, itemId) : null, ct);
        return records.StateOf(change.After.Value);
    }

    /// <summary>The recipient party's link code, while it can still link (the complaint copy carries it).</summary>
    private async Task<string?> LinkCodeAsync(ServiceRecord record, DateTimeOffset now, CancellationToken ct) =>
        record.Kind == ServedDocumentKind.ComplaintCopy
            && await cases.GetRowAsync(record.CaseId, PartyRows.LinkCodes, PartyRows.LinkCodeId(record.PartyNumber), ct) is { } row
            && row.Value.Refusal(now) is null
            ? row.Value.Code(linkKey.Key, record.CaseId)
            : null;

    /// <summary>The inbox item of a service: one per document and recipient.</summary>
    public static string ItemId(ServiceRecord record) => $"{record.CaseId}-{record.ServiceId}";

    /// <summary>A notice's id, the same for every retry of the same step of the same service.</summary>
    public static Guid NoticeId(ServiceRecord record)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{record.CaseId}/{record.ServiceId}/{record.CurrentStep}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
