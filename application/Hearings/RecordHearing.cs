using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>
/// The case's judge or clerk records a hearing held: every party's attendance, the minutes uploaded first (kind minutes). The
/// record is a row inserted once beside the case, which becomes Heard.
/// </summary>
public sealed class RecordHearing(CaseChanges changes, ICaseStore store, CaseSignals signals, TimeProvider clock)
{
    public async Task<(StoredCase Case, HearingRecord Record)> RunAsync(CaseGrant grant, string hearingId, RecordHearingRequest r,
        CancellationToken ct)
    {
        HearingRequestReading.Hearing(grant, hearingId);
        var v = new Validation();
        var attendance = new List<Attendance>();
        for (var i = 0; i < r.Attendance!.Count; i++)
        {
            if (r.Attendance[i] is not { } a) { v.Add($"attendance[{i}]", "An attendance entry is an object."); continue; }
            var reason = string.IsNullOrWhiteSpace(a.AbsenceReason) ? null : a.AbsenceReason.Trim();
            if (a.Present!.Value && reason is not null) v.Add($"attendance[{i}].absenceReason", "A party present gives no absence reason.");
            attendance.Add(new Attendance(a.PartyNumber!.Value, a.Present.Value, reason));
        }
        v.ThrowIfAny();
        if (r.Held != true)
            throw new DomainRuleException("hearing-record-not-held",
                "Only a hearing held is recorded; postpone or cancel one that was not.", "held");
        var minutes = (await store.GetRowAsync(grant.CaseId, DocumentRows.Documents, r.MinutesDocumentId!, ct))?.Value
            ?? throw new DomainRuleException("minutes-document-not-found",
                $"The case has no document {r.MinutesDocumentId}: upload the minutes first, with the kind minutes.", "minutesDocumentId");
        var actor = HearingRequestReading.StaffActor(grant.Caller);
        HearingRecord? made = null;
        var applied = await changes.ApplyWithOutcomeAsync(grant.CaseId, c =>
        {
            var (heard, e, record) = HearingAttendance.Record(c, actor, clock.GetUtcNow(), hearingId, attendance, minutes);
            made = record;
            return CaseChange.Of(heard, [e]).Inserting(CaseRow.Of(HearingRows.Records, hearingId, record));
        }, ct, grant.Stored);
        if (!applied.Changed)
            throw new ConflictException("hearing-already-recorded", $"Hearing {hearingId} is recorded already.");
        await signals.CaseChangedAsync(applied.Case.Case, HearingActions.RecordHearing.Name, ct);
        return (applied.Case, made!);
    }
}
