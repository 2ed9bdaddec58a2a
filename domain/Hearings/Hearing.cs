using System.Text.Json.Serialization;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Hearings;

/// <summary>Where a hearing stands: as summoned, held (recorded), adjourned to another hearing, or cancelled.</summary>
public enum HearingState
{
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,
    [JsonStringEnumMemberName("held")]
    Held,
    [JsonStringEnumMemberName("adjourned")]
    Adjourned,
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}

/// <summary>A party the notice was served on, and when.</summary>
public sealed record NoticeServedOn(int PartyNumber, DateTimeOffset ServedAt);

/// <summary>
/// A court document about a hearing served on every party: its summons (传票, which for a hearing a postponement moved to also tells
/// of the postponement) or the notice of its cancellation. <see cref="SentAt"/> is null until its service on every party started.
/// </summary>
public sealed record HearingNotice(string DocumentId, ServedDocumentKind Kind, DateTimeOffset IssuedAt, DateTimeOffset? SentAt,
    IReadOnlyList<int> Recipients, IReadOnlyList<NoticeServedOn> Served)
{
    public bool ServedOnEveryone => Recipients.All(p => Served.Any(s => s.PartyNumber == p));
}

/// <summary>
/// One hearing of a case: when and where (a courtroom, or online), public or not, streamed or not, its state, and the notices served
/// about it. <see cref="AdjournedFrom"/> and <see cref="AdjournedTo"/> link a postponed hearing with the one it was moved to;
/// <see cref="ServiceLateFlaggedAt"/> is when the judge was told its summons was not served on every party 3 days before it.
/// </summary>
public sealed record Hearing(string HearingId, DateTimeOffset StartsAt, string? Courtroom, bool Online, bool Public, bool Streamed,
    HearingState State, DateTimeOffset ScheduledAt, string ScheduledBy, IReadOnlyList<HearingNotice> Notices)
{
    public string? AdjournedFrom { get; init; }

    public string? AdjournedTo { get; init; }

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public DateTimeOffset? ServiceLateFlaggedAt { get; init; }

    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Participants' identities verified again to join it online (Online Litigation Rules art. 7).</summary>
    public IReadOnlyList<HearingVerification> Verifications { get; init; } = [];

    public HearingNotice? Summons => Notices.FirstOrDefault(n => n.Kind == ServedDocumentKind.Summons);
}
