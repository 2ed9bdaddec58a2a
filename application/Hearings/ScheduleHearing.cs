using System.Globalization;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Hearings;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Application.Hearings;

/// <summary>
/// The case's judge or clerk schedules a hearing; its summons is then served on every party (at once; should that fail, the
/// lifecycle keeps the summons' pending service and serves it).
/// </summary>
public sealed class ScheduleHearing(CaseChanges changes, ServeHearingNotice serve, CaseSignals signals, TimeProvider clock)
{
    public async Task<(StoredCase Case, Hearing Hearing)> RunAsync(CaseGrant grant, ScheduleHearingRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var startsAt = HearingRequestReading.Instant(r.StartsAt, "startsAt", v);
        v.ThrowIfAny();
        var actor = HearingRequestReading.StaffActor(grant.Caller);
        var hearingId = HearingRows.NewHearingId();
        var documentId = HearingNoticeDocument.IdFor(grant.CaseId, hearingId, ServedDocumentKind.Summons);
        var plan = new HearingPlan(startsAt!.Value, r.Courtroom, r.Online!.Value, r.Public!.Value, r.Streamed!.Value);
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (scheduled, e, _) = HearingRules.Schedule(c, actor, clock.GetUtcNow(), hearingId, documentId, plan);
            return CaseChange.Of(scheduled, [e]);
        }, ct, grant.Stored);
        return (await HearingRequestReading.ServeAndSignalAsync(serve, signals, saved, HearingActions.ScheduleHearing.Name, ct),
            saved.Case.Hearings!.Find(hearingId)!);
    }
}

/// <summary>The reading and the ending every hearing request shares.</summary>
internal static class HearingRequestReading
{
    public static DateTimeOffset? Instant(string? text, string field, Validation v)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return at;
        v.Add(field, "A date and time with its offset: yyyy-MM-ddTHH:mm:ss+08:00.");
        return null;
    }

    /// <summary>A judge acts as judge; the case's clerk, who also schedules and records, as clerk.</summary>
    public static Actor StaffActor(CourtUser caller) =>
        CaseAccess.ActorFor(caller, caller.IsInRole(Roles.Judge) ? Roles.Judge : Roles.Clerk);

    public static string Hearing(CaseGrant grant, string hearingId) =>
        HearingRows.IsHearingId(hearingId) && grant.Case.Hearings?.Find(hearingId) is not null
            ? hearingId
            : throw new NotFoundException("such hearing");

    /// <summary>Serves what the change issued and signals the case, even when serving fails (the lifecycle then serves it).</summary>
    public static async Task<StoredCase> ServeAndSignalAsync(ServeHearingNotice serve, CaseSignals signals, StoredCase saved,
        string action, CancellationToken ct)
    {
        var latest = saved;
        try
        {
            latest = await serve.RunAsync(saved, ct);
            return latest;
        }
        finally
        {
            await signals.CaseChangedAsync(latest.Case, action, ct);
        }
    }
}

/// <summary>The judge postpones a scheduled hearing to a new start (the same rules as scheduling); the new summons is served.</summary>
public sealed class PostponeHearing(CaseChanges changes, ServeHearingNotice serve, CaseSignals signals, TimeProvider clock)
{
    public async Task<(StoredCase Case, Hearing Hearing)> RunAsync(CaseGrant grant, string hearingId, PostponeHearingRequest r,
        CancellationToken ct)
    {
        HearingRequestReading.Hearing(grant, hearingId);
        var v = new Validation();
        var startsAt = HearingRequestReading.Instant(r.StartsAt, "startsAt", v);
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var newId = HearingRows.NewHearingId();
        var documentId = HearingNoticeDocument.IdFor(grant.CaseId, newId, ServedDocumentKind.Summons);
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (postponed, e, _) = HearingRules.Postpone(c, judge, clock.GetUtcNow(), hearingId, newId, documentId, startsAt!.Value,
                reasons);
            return CaseChange.Of(postponed, [e]);
        }, ct, grant.Stored);
        return (await HearingRequestReading.ServeAndSignalAsync(serve, signals, saved, HearingActions.PostponeHearing.Name, ct),
            saved.Case.Hearings!.Find(newId)!);
    }
}

/// <summary>The judge cancels a scheduled hearing; the notice of cancellation is served on every party.</summary>
public sealed class CancelHearing(CaseChanges changes, ServeHearingNotice serve, CaseSignals signals, TimeProvider clock)
{
    public async Task<(StoredCase Case, Hearing Hearing)> RunAsync(CaseGrant grant, string hearingId, CancelHearingRequest r,
        CancellationToken ct)
    {
        HearingRequestReading.Hearing(grant, hearingId);
        var v = new Validation();
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var documentId = HearingNoticeDocument.IdFor(grant.CaseId, hearingId, ServedDocumentKind.HearingCancellation);
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (cancelled, e, _) = HearingRules.Cancel(c, judge, clock.GetUtcNow(), hearingId, documentId, reasons);
            return CaseChange.Of(cancelled, [e]);
        }, ct, grant.Stored);
        return (await HearingRequestReading.ServeAndSignalAsync(serve, signals, saved, HearingActions.CancelHearing.Name, ct),
            saved.Case.Hearings!.Find(hearingId)!);
    }
}
