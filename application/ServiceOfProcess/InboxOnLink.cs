using ECourt.Application.Cases;
using ECourt.Application.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>
/// A party's account was linked: the documents served, or on their way, to the party go into that account's inbox (as
/// they would have had the account been known when service began), and the services' later steps deliver there too.
/// Opening such an item is the party's act, as for any inbox item.
/// </summary>
public sealed class InboxOnLink(ServiceRecords records, ICaseStore cases, IInbox inbox) : IPartyLinked
{
    public async Task LinkedAsync(string caseId, int partyNumber, string userId, CancellationToken ct)
    {
        var c = (await cases.GetAsync(caseId, ct))?.Case;
        foreach (var record in (await records.ListAsync(caseId, ct)).Where(r => r.PartyNumber == partyNumber))
        {
            var updated = (await records.UpdateAsync(caseId, record.ServiceId, r => r.RecipientUserId is null
                ? r with { RecipientUserId = userId } : null, ct))
                .After.Value;
            if (updated.RecipientUserId != userId || updated.Attempts.Count == 0) continue;
            await inbox.AddAsync(new InboxItem(SendServiceNotice.ItemId(updated), userId, caseId, c?.CaseNumber, updated.ServiceId,
                updated.DocumentId,
                updated.Kind, ServiceNoticeTemplates.Title(updated.Kind), updated.Attempts[0].StartedAt, null), ct);
        }
    }
}
