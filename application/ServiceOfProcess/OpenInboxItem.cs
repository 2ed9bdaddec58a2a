using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// The caller opens an item of its inbox, directly or from a notice's signed link. The first opening is the read receipt:
/// for an address the court found itself, it is what completes service. The evidence is recorded on the service first and
/// the item marked read after, so a crash between them leaves a receipt that the next opening records again (once).
/// </summary>
public sealed class OpenInboxItem(IInbox inbox, ServiceRecords records, ServiceOptions options, TimeProvider clock)
{
    public async Task<InboxItem> ByIdAsync(CourtUser caller, string itemId, CancellationToken ct)
    {
        var item = await inbox.GetAsync(caller.Id, itemId, ct) ?? throw new NotFoundException("such item in your inbox");
        var now = clock.GetUtcNow();
        if (item.ReadAt is null)
            // The read receipt is evidence for every electronic step of this service: on a found address it completes service.
            await records.ChangeAsync(item.CaseId, item.ServiceId, r =>
            {
                var electronic = r.Attempts.Where(a => a.Method is ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox)
                    .Select(a => a.Step).LastOrDefault(-1);
                return electronic < 0 ? null : r.WithEvidence(electronic, ServiceEvidenceKind.Read, now, "opened in the platform inbox");
            }, "read", ct);
        return await inbox.MarkReadAsync(item, now, ct);
    }

    public async Task<InboxItem> ByLinkAsync(CourtUser caller, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) throw InvalidRequestException.Of("t", "The signed token of the notice's link is required.");
        var (check, itemId) = DocumentLinkToken.Verify(options.LinkKeyBytes(), token, clock.GetUtcNow());
        return check switch
        {
            DocumentLinkToken.Check.Valid => await ByIdAsync(caller, itemId!, ct),
            DocumentLinkToken.Check.Expired => throw new LinkRefusedException(expired: true),
            _ => throw new LinkRefusedException(expired: false),
        };
    }
}
