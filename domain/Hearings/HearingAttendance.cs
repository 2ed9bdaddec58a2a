using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Hearings;

/// <summary>Whether a party attended, and for an absent one the reason given (null: none).</summary>
public sealed record Attendance(int PartyNumber, bool Present, string? AbsenceReason);

/// <summary>The record of a hearing held: who attended, the minutes document, who recorded it and when.</summary>
public sealed record HearingRecord(string HearingId, IReadOnlyList<Attendance> Attendance, string MinutesDocumentId,
    DateTimeOffset RecordedAt,
    string RecordedBy);

/// <summary>
/// The judge or clerk records a hearing held: every party's attendance once, the minutes uploaded first as a document of the kind
/// minutes. An absence without a reason is recorded with what the law lets the judge make of it (CPL arts. 146–147): a plaintiff
/// may be treated as withdrawing its claim, a defendant judged by default; the system decides neither.
/// </summary>
public static class HearingAttendance
{
    /// <summary>A reason for an absence (network failure, illness): a paragraph.</summary>
    public const int MaxReasonChars = 500;

    /// <summary>Party numbers are the small whole numbers a case gives its parties in order: three digits hold every case's.</summary>
    public const int MaxPartyNumber = 999;

    public static (CourtCase Case, CaseEvent Event, HearingRecord Record) Record(CourtCase c, Actor actor, DateTimeOffset now,
        string hearingId, IReadOnlyList<Attendance> attendance, CaseDocument minutes)
    {
        CaseTransitions.Target(c.Status, HearingActions.RecordHearing);
        var (summary, hearing) = HearingRules.Open(c, hearingId);
        if (now < hearing.StartsAt)
            throw new DomainRuleException("hearing-not-yet-held",
                $"Hearing {hearingId} starts {ChinaTime.ToChinaTime(hearing.StartsAt):yyyy-MM-dd HH:mm} court time: it is recorded once "
                + "held.");
        if (minutes.Kind != DocumentKind.Minutes)
            throw new DomainRuleException("minutes-document-kind-required",
                $"Document {minutes.DocumentId} was uploaded as {minutes.Kind.WireName()}: upload the minutes with the kind minutes.",
                "minutesDocumentId");
        var numbers = c.Parties.Select(p => p.PartyNumber).ToHashSet();
        var listed = attendance.Select(a => a.PartyNumber).ToList();
        if (listed.Count != listed.Distinct().Count() || !numbers.SetEquals(listed))
            throw new DomainRuleException("attendance-incomplete",
                $"The attendance lists every party of the case once: parties {string.Join(", ", numbers.Order())}.", "attendance");
        var record = new HearingRecord(hearingId, attendance.OrderBy(a => a.PartyNumber).ToList(), minutes.DocumentId, now, actor.UserId);
        var reason = $"Hearing {hearingId} held and recorded with minutes {minutes.DocumentId}; "
            + string.Join("; ", record.Attendance.Select(a => Describe(c.Parties.First(p => p.PartyNumber == a.PartyNumber), a)));
        var held = hearing with { State = HearingState.Held, RecordedAt = now };
        var (recorded, ev) = c.Transition(HearingActions.RecordHearing, actor, now, reason, x => x.WithHearings(summary.Replacing(held)));
        return (recorded, ev, record);
    }

    /// <summary>What the absence of a party without a reason may lead to, as the judge decides (CPL arts. 146–147).</summary>
    public static string? Consequence(PartyRole role) => role switch
    {
        PartyRole.Plaintiff => "absent without good reason after a summons: the judge may treat the claim as withdrawn (CPL art. 146)",
        PartyRole.Defendant => "absent without good reason after a summons: the judge may give judgment by default (CPL art. 147)",
        _ => null,
    };

    private static string Describe(Party party, Attendance a)
    {
        if (a.Present) return $"party {a.PartyNumber} present";
        if (!string.IsNullOrWhiteSpace(a.AbsenceReason)) return $"party {a.PartyNumber} absent, giving as reason: {a.AbsenceReason}";
        return $"party {a.PartyNumber} absent, no reason given; "
            + (Consequence(party.Role) ?? "the judge decides what the absence leads to");
    }
}
