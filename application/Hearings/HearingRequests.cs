using ECourt.Application.Cases;
using ECourt.Domain.Hearings;

namespace ECourt.Application.Hearings;

/// <summary>POST /api/cases/{caseId}/hearings: when, where (a courtroom unless online), public or not, streamed or not.</summary>
public sealed record ScheduleHearingRequest(
    [property: Required, Form(FieldForm.DateTime), Bound(Bounds.Code)] string? StartsAt,
    [property: Bound(HearingRules.MaxCourtroomChars)] string? Courtroom,
    [property: Required] bool? Online,
    [property: Required] bool? Public,
    [property: Required] bool? Streamed);

/// <summary>POST /api/cases/{caseId}/hearings/{hearingId}/postpone: the new start, and why.</summary>
public sealed record PostponeHearingRequest(
    [property: Required, Form(FieldForm.DateTime), Bound(Bounds.Code)] string? StartsAt,
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>POST /api/cases/{caseId}/hearings/{hearingId}/cancel: why.</summary>
public sealed record CancelHearingRequest(
    [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

/// <summary>One party's attendance at a hearing; an absent party's reason, if it gave one.</summary>
public sealed record AttendanceRequest(
    [property: Required, Bound(HearingAttendance.MaxPartyNumber, Min = 1)] int? PartyNumber,
    [property: Required] bool? Present,
    [property: Bound(HearingAttendance.MaxReasonChars)] string? AbsenceReason);

/// <summary>POST /api/cases/{caseId}/hearings/{hearingId}/record: the hearing held, every party's attendance, the minutes.</summary>
public sealed record RecordHearingRequest(
    [property: Required] bool? Held,
    [property: Required, Bound(HearingAttendance.MaxPartyNumber)] List<AttendanceRequest?>? Attendance,
    [property: Required, Bound(Bounds.Code)] string? MinutesDocumentId);
