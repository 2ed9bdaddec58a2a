using System.Text.Json.Serialization;
using ECourt.Application.Cases;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Functions.Cases;

/// <summary>
/// The case as clients read it (API.md): the core (identity, court, what the case is about, its parties, state, version,
/// every pending deadline with its basis, and with the case file its events) and each stage's part under its name.
/// Money as strings, times in court time. <see cref="FiledBy"/> (an account id) only for the court's staff and the filing side.
/// </summary>
public sealed record CaseView(
    string CaseId,
    string Court,
    string? CaseNumber,
    CaseStatus Status,
    FeeCaseType CaseType,
    Procedure Procedure,
    string Cause,
    string? ClaimAmount,
    string Claims,
    string Facts,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<HearingView> Hearings,
    IReadOnlyList<EventView>? Events,
    string? FiledBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RegisteredAt,
    int Version)
{
    /// <summary>The stages' parts (documents, review, feeNotice, feeAid, …), written beside the core properties.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> Parts { get; init; } = [];
}

public sealed record PartyView(int PartyNumber, PartyRole Role, PartyKind Kind, string Name, IdentityDocumentType? IdType,
    string? IdNumber, string? CreditCode,
    string? Phone, string? Email, string? Address, string? UserId, bool Minor, ConsentView? ElectronicServiceConsent,
    IReadOnlyList<ServiceAddressView> ServiceAddresses, IReadOnlyList<RepresentativeView> Representatives)
{
    public static PartyView From(Party p) => new(p.PartyNumber, p.Role, p.Kind, p.Name, p.IdType, p.IdNumber, p.CreditCode,
        p.Phone, p.Email, p.Address, p.UserId, p.Minor,
        p.ElectronicServiceConsent is { } c ? new ConsentView(c.Source, ChinaTime.ToChinaTime(c.GivenAt), c.RecordedBy) : null,
        p.ServiceAddresses.Select(a => new ServiceAddressView(a.Channel, a.Address, a.ConfirmedAt is { } t ? ChinaTime.ToChinaTime(t)
            : null)).ToList(),
        p.Representatives.Select(r => new RepresentativeView(r.Kind, r.Name, r.UserId, r.LicenceNumber, r.Firm, r.Scope,
            r.SpecialPowers)).ToList());

    /// <summary>Another party as a party sees it: who it is and in what role, and who acts for it; no identity, contact or
    /// account.</summary>
    public static PartyView NameAndRole(Party p) => new(p.PartyNumber, p.Role, p.Kind, p.Name, null, null, null, null, null, null, null,
        p.Minor, null,
        [], p.Representatives.Select(r => new RepresentativeView(r.Kind, r.Name, null, null, r.Firm, r.Scope, [])).ToList());
}

/// <summary>
/// A hearing as the case lists it (API.md), filled by the hearings stage (<see cref="IHearingList"/>): when, where, public and
/// streamed or not, its status; a postponed hearing names the one it moved to (<see cref="AdjournedTo"/>) and the reasons; the
/// parties its summons was served on, and when the judge was flagged that it was not served on every party 3 days before.
/// </summary>
public sealed record HearingView(string HearingId, DateTimeOffset StartsAt, string? Courtroom, bool Online, bool Public, bool Streamed,
    [property: OneOf(typeof(HearingStatus))] string Status)
{
    public string? AdjournedFrom { get; init; }

    public string? AdjournedTo { get; init; }

    public IReadOnlyList<string>? Reasons { get; init; }

    public IReadOnlyList<int>? SummonsServedOn { get; init; }

    public DateTimeOffset? ServiceLateFlaggedAt { get; init; }
}

/// <summary>The hearings a stage lists on the case view (the hearings stage); with none registered the list is empty.</summary>
public interface IHearingList
{
    IEnumerable<HearingView> Of(CourtCase c);
}

public sealed record ConsentView(ConsentSource Source, DateTimeOffset GivenAt, string RecordedBy);

public sealed record ServiceAddressView(ServiceChannel Channel, string Address, DateTimeOffset? ConfirmedAt);

public sealed record RepresentativeView(RepresentativeKind Kind, string Name, string? UserId, string? LicenceNumber, string? Firm,
    AuthorityScope Authority,
    IReadOnlyList<SpecialPower> SpecialPowers);

/// <summary>A deadline pending on the case: its kind, last day, the instant it ends (court time), and its legal basis.</summary>
public sealed record DeadlineView([property: OneOf(typeof(DeadlineKind))] string Kind, string LastDay, DateTimeOffset EndsAt,
    bool Provisional, string Basis)
{
    public static DeadlineView From(PendingDeadline d) =>
        new(d.Kind, d.LastDay.ToString("yyyy-MM-dd"), ChinaTime.ToChinaTime(d.EndsAt), d.Provisional, d.Basis);
}

/// <param name="UploadedBy">the uploader's account: for the court's case staff and the uploader's own side only</param>
public sealed record DocumentView(string DocumentId, Domain.Documents.DocumentKind Kind, string FileName, string ContentType, long Size,
    string Sha256, string? UploadedBy,
    DateTimeOffset UploadedAt)
{
    public static DocumentView From(Domain.Documents.CaseDocument d, bool showUploader) =>
        new(d.DocumentId, d.Kind, d.FileName, d.ContentType, d.Size, d.Sha256, showUploader ? d.UploadedBy : null,
            ChinaTime.ToChinaTime(d.UploadedAt));
}

public sealed record EventView(int Sequence, string Action, string Actor, string ActorRole, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] CaseStatus? From, CaseStatus To, string Reason)
{
    /// <param name="showActor">the actor's account id shown (the court's staff see all; a party its own acts): else its role stands for
    /// it</param>
    public static EventView Of(CaseEvent e, bool showActor = true) =>
        new(e.Sequence, e.Action, showActor || e.ActorRole == "system" ? e.ActorId : e.ActorRole, e.ActorRole,
            ChinaTime.ToChinaTime(e.At), e.From,
            e.To, e.Reason);
}
