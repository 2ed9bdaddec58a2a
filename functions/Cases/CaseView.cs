using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Fees;
using ECourt.Domain.Parties;
using ECourt.Domain.Ports;

namespace ECourt.Functions.Cases;

/// <summary>The case as clients read it (API.md): money as strings, times in court time.</summary>
public sealed record CaseView(
    string CaseId,
    string Court,
    string? CaseNumber,
    string Status,
    string CaseType,
    string Procedure,
    string Cause,
    string? ClaimAmount,
    string Claims,
    string Facts,
    IReadOnlyList<PartyView> Parties,
    FeeNoticeView? FeeNotice,
    FeeAidView? FeeAid,
    ReviewView? Review,
    IReadOnlyList<DeadlineView> Deadlines,
    IReadOnlyList<DocumentView>? Documents,
    IReadOnlyList<object> Hearings,
    IReadOnlyList<EventView>? Events,
    string FiledBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RegisteredAt,
    int Version)
{
    public static CaseView From(CourtCase c, CaseFile? file = null) => new(
        c.CaseId, c.Court, c.CaseNumber, c.Status.ToString(), c.CaseType.Name(), c.Procedure.Name(), c.Cause,
        c.ClaimAmount is { } a ? Yuan.Format(a) : null, c.Claims, c.Facts,
        c.Parties.Select(PartyView.From).ToList(),
        c.FeeNotice is { } n ? FeeNoticeView.From(n) : null,
        c.FeeAid is { } aid ? FeeAidView.From(aid) : null,
        c.Review is { } r ? ReviewView.From(r) : null,
        DeadlineView.For(c),
        file?.Documents.Select(DocumentView.From).ToList(),
        [],
        file?.Events.OrderBy(e => e.Sequence).Select(EventView.Of).ToList(),
        c.FiledBy, ChinaTime.ToChinaTime(c.CreatedAt), c.RegisteredAt is { } at ? ChinaTime.ToChinaTime(at) : null, c.Version);
}

public sealed record PartyView(int PartyNumber, string Role, string Kind, string Name, string? IdType, string? IdNumber, string? CreditCode,
    string? Phone, string? Email, string? Address, string? UserId, bool Minor, ConsentView? ElectronicServiceConsent,
    IReadOnlyList<ServiceAddressView> ServiceAddresses, IReadOnlyList<RepresentativeView> Representatives)
{
    public static PartyView From(Party p) => new(p.PartyNumber, p.Role.Name(), p.Kind.Name(), p.Name, p.IdType?.Name(), p.IdNumber, p.CreditCode,
        p.Phone, p.Email, p.Address, p.UserId, p.Minor,
        p.ElectronicServiceConsent is { } c ? new ConsentView(c.Source.ToString(), ChinaTime.ToChinaTime(c.GivenAt), c.RecordedBy) : null,
        p.ServiceAddresses.Select(a => new ServiceAddressView(a.Channel.ToString().ToLowerInvariant(), a.Address, a.ConfirmedAt is { } t ? ChinaTime.ToChinaTime(t) : null)).ToList(),
        p.Representatives.Select(r => new RepresentativeView(r.Kind.ToString(), r.Name, r.UserId, r.LicenceNumber, r.Firm, r.Scope.ToString().ToLowerInvariant(),
            r.SpecialPowers.Select(s => s.ToString().ToLowerInvariant()).ToList())).ToList());
}

public sealed record ConsentView(string Source, DateTimeOffset GivenAt, string RecordedBy);

public sealed record ServiceAddressView(string Channel, string Address, DateTimeOffset? ConfirmedAt);

public sealed record RepresentativeView(string Kind, string Name, string? UserId, string? LicenceNumber, string? Firm, string Authority, IReadOnlyList<string> SpecialPowers);

public sealed record FeeNoticeView(string AccountNumber, string AmountDue, string AmountPaid, string AmountPaidInTime, string Overpaid,
    string? DueDate, DateTimeOffset? PeriodEndsAt, bool Provisional, string? ServedOn, bool Paid, bool Waived, string Basis, DateTimeOffset IssuedAt)
{
    public static FeeNoticeView From(FeeNotice n) => new(n.AccountNumber, Yuan.Format(n.AmountDue), Yuan.Format(n.AmountPaid), Yuan.Format(n.AmountPaidInTime),
        Yuan.Format(n.Overpaid), n.DueDate?.ToString("yyyy-MM-dd"), n.PeriodEndsAt is { } e ? ChinaTime.ToChinaTime(e) : null, n.DueDateProvisional,
        n.ServedOn?.ToString("yyyy-MM-dd"), n.Paid, n.Waived, n.Basis, ChinaTime.ToChinaTime(n.IssuedAt));
}

public sealed record FeeAidView(string Kind, IReadOnlyList<string> Reasons, DateTimeOffset AppliedAt, bool Pending, string? Decision, string? ReducedAmount, string? DeferredUntil)
{
    public static FeeAidView From(FeeAid a) => new(a.Kind.ToString().ToLowerInvariant(), a.Reasons, ChinaTime.ToChinaTime(a.AppliedAt), a.Pending,
        a.Decision?.Outcome.ToString().ToLowerInvariant(), a.Decision?.ReducedAmount is { } r ? Yuan.Format(r) : null, a.Decision?.DeferredUntil?.ToString("yyyy-MM-dd"));
}

public sealed record ReviewView(DateTimeOffset PeriodStartedAt, string DecisionDue, IReadOnlyList<string>? Defects, string? CureBy, IReadOnlyList<string>? RejectionReasons, bool RegisteredOnDeadline)
{
    public static ReviewView From(Review r) => new(ChinaTime.ToChinaTime(r.PeriodStartedAt), r.Deadline.LastDay.ToString("yyyy-MM-dd"), r.Correction?.Defects,
        r.Correction?.CureDeadline.LastDay.ToString("yyyy-MM-dd"), r.RejectionReasons, r.RegisteredOnDeadline);
}

/// <summary>A deadline the system keeps for the case now.</summary>
public sealed record DeadlineView(string Kind, string LastDay, DateTimeOffset EndsAt, bool Provisional, string Basis)
{
    public static IReadOnlyList<DeadlineView> For(CourtCase c)
    {
        var list = new List<DeadlineView>();
        if (c.Status == CaseStatus.Submitted && c.Review is { } r)
            list.Add(new("filing-review", r.Deadline.LastDay.ToString("yyyy-MM-dd"), r.Deadline.EndsAt, r.Deadline.Provisional, "CPL art. 126: decide within 7 days"));
        if (c.Status == CaseStatus.CorrectionRequested && c.Review?.Correction is { } n)
            list.Add(new("correction-cure", n.CureDeadline.LastDay.ToString("yyyy-MM-dd"), n.CureDeadline.EndsAt, n.CureDeadline.Provisional, "SPC Provisions on Case Filing Registration (2015): cure the listed defects"));
        if (c.Status == CaseStatus.AwaitingFee && c.FeeNotice is { DueDate: { } due, PeriodEndsAt: { } ends } fee)
            list.Add(new("fee-payment", due.ToString("yyyy-MM-dd"), ChinaTime.ToChinaTime(ends), fee.DueDateProvisional, "Measures on Payment of Litigation Costs art. 22: pay within 7 days"));
        return list;
    }
}

public sealed record DocumentView(string DocumentId, string Kind, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static DocumentView From(CaseDocument d) => new(d.DocumentId, d.Kind.Name(), d.FileName, d.ContentType, d.Size, d.Sha256, d.UploadedBy, ChinaTime.ToChinaTime(d.UploadedAt));
}

public sealed record EventView(int Sequence, string Action, string Actor, string ActorRole, DateTimeOffset At,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? From, string To, string Reason)
{
    public static EventView Of(CaseEvent e) => new(e.Sequence, e.Action, e.ActorId, e.ActorRole, ChinaTime.ToChinaTime(e.At), e.From?.ToString(), e.To.ToString(), e.Reason);
}
