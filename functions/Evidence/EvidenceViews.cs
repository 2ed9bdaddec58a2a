using System.Text.Json.Serialization;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Evidence;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Evidence;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Evidence;

/// <summary>Which side an item of evidence or an opinion is of.</summary>
public enum EvidenceSide
{
    [JsonStringEnumMemberName("filing")]
    Filing,
    [JsonStringEnumMemberName("other")]
    Other,
    /// <summary>The court's own application (the judge's, to extend the trial time limit).</summary>
    [JsonStringEnumMemberName("court")]
    Court,
}

/// <summary>Where an application to extend stands.</summary>
public enum ExtensionStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,
    [JsonStringEnumMemberName("granted")]
    Granted,
    [JsonStringEnumMemberName("refused")]
    Refused,
}

/// <summary>
/// The answer to a submission (API.md): the item's id and place in the chain, its record's SHA-256 and the one before, late or not.
/// </summary>
public sealed record SubmittedEvidence(string EvidenceId, int Sequence, string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PreviousHash, bool Late);

public sealed record EvidenceDocumentView(string DocumentId, string FileName, string ContentType, long Size, string Sha256);

/// <param name="FiledBy">the account: for the court's staff and the opinion's own side</param>
public sealed record OpinionView(string EvidenceId, int PartyNumber, EvidenceSide Side, OpinionStance Authenticity, OpinionStance Legality,
    OpinionStance Relevance, IReadOnlyList<string> Reasons, string Role, DateTimeOffset FiledAt, string? FiledBy)
{
    public static OpinionView From(CrossExaminationOpinion o, CaseGrant viewer) => new(o.EvidenceId, o.PartyNumber,
        EvidenceViews.SideOf(o.Side),
        o.Authenticity, o.Legality, o.Relevance, o.Reasons, o.Role, ChinaTime.ToChinaTime(o.FiledAt),
        viewer.IsCourtStaff || viewer.Side == o.Side ? o.FiledBy : null);
}

public sealed record AdmissionView(string EvidenceId, LateEvidenceDecision Decision, IReadOnlyList<string> Reasons, DateTimeOffset RuledAt)
{
    public static AdmissionView From(AdmissionRuling r) => new(r.EvidenceId, r.Decision, r.Reasons, ChinaTime.ToChinaTime(r.RuledAt));
}

/// <summary>
/// An item of evidence as its reader may see it: its record (what it is, to prove what, from where, for which side and parties, its
/// documents with their SHA-256), its record's SHA-256 and the one before, late or not, the ruling on it and the cross-examination
/// opinions filed on it. <see cref="SubmittedBy"/> (an account) for the court's staff and the item's own side only.
/// </summary>
public sealed record EvidenceItemView(string EvidenceId, int Sequence, EvidenceSide Side, IReadOnlyList<int> Parties, string Role,
    string Title, string Purpose, string Source, DateTimeOffset SubmittedAt, string? SubmittedBy,
    IReadOnlyList<EvidenceDocumentView> Documents, string Sha256,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PreviousHash,
    bool Late, AdmissionView? Admission, IReadOnlyList<OpinionView> Opinions)
{
    public static EvidenceItemView From(ListEvidence.Listed listed, CaseGrant viewer)
    {
        var (item, r) = (listed.Item, listed.Item.Record);
        return new EvidenceItemView(item.EvidenceId, item.Sequence, EvidenceViews.SideOf(item.Side), r.Parties, r.Role, r.Title, r.Purpose,
            r.Source, ChinaTime.ToChinaTime(r.SubmittedAt), viewer.IsCourtStaff || viewer.Side == item.Side ? item.SubmittedBy : null,
            r.Documents.Select(d => new EvidenceDocumentView(d.DocumentId, d.FileName, d.ContentType, d.Size, d.Digests.Sha256)).ToList(),
            item.Digests.Sha256, r.Previous?.Sha256, listed.Late, listed.Ruling is { } ruling ? AdmissionView.From(ruling) : null,
            listed.Opinions.Select(o => OpinionView.From(o, viewer)).ToList());
    }
}

public sealed record ChainBreakView(int Sequence, string? EvidenceId, ChainBreakKind Kind, string? DocumentId, string Detail);

/// <summary>The chain recomputed: whether it holds, how many items verified, and the first break.</summary>
public sealed record ChainVerificationView(bool Valid, int Items, ChainBreakView? FirstBreak)
{
    public static ChainVerificationView From(ChainVerification v) => new(v.Valid, v.Items, v.FirstBreak is { } b
        ? new ChainBreakView(b.Sequence, b.EvidenceId, b.Kind, b.DocumentId, b.Detail)
        : null);
}

/// <summary>An application to extend and where it stands; with the period's new last day once granted.</summary>
public sealed record ExtensionView(string ExtensionId, ExtensionKind Kind, int Days, IReadOnlyList<string> Reasons, EvidenceSide Side,
    IReadOnlyList<int> Parties, DateTimeOffset AppliedAt, ExtensionStatus Status, int? GrantedDays, string? LastDay,
    IReadOnlyList<string>? DecisionReasons, DateTimeOffset? DecidedAt)
{
    public static ExtensionView From(ExtensionApplication a, ExtensionDecision? d) => new(a.ExtensionId, a.Kind, a.Days, a.Reasons,
        EvidenceViews.SideOf(a.Side), a.Parties, ChinaTime.ToChinaTime(a.AppliedAt),
        d is null ? ExtensionStatus.Pending : d.Ruling == ExtensionRuling.Grant ? ExtensionStatus.Granted : ExtensionStatus.Refused,
        d?.Days, d?.LastDay?.ToString("yyyy-MM-dd"), d?.Reasons, d is null ? null : ChinaTime.ToChinaTime(d.DecidedAt));
}

public sealed record NoticeServedView(int PartyNumber, DateTimeOffset ServedAt);

/// <summary>
/// The period of proof: the day the judge named, the last day kept (CPL art. 85: a non-working day moves it; extensions and a late
/// service in ordinary procedure lengthen it) and its end, whether it is provisional, its basis, the notice's sending and service.
/// </summary>
public sealed record EvidencePeriodView(string EndsOn, string LastDay, DateTimeOffset EndsAt, bool Provisional, string Basis,
    DateTimeOffset SetAt, DateTimeOffset? NoticeSentAt, IReadOnlyList<NoticeServedView> NoticeServed, bool Ended, int ExtendedDays);

public sealed record ExchangeView(ExchangeMode Mode, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, EvidenceDisclosure Disclosure,
    DateTimeOffset OrderedAt);

/// <summary>The evidence chain's end as the court records it: how many items, and the last record's SHA-256.</summary>
public sealed record EvidenceChainView(int Items, string? Head);

/// <summary>The evidence stage in the case view (the part "evidence").</summary>
public sealed record EvidenceStageView(EvidencePeriodView? Period, EvidenceChainView Chain, IReadOnlyList<ExchangeView> Exchanges,
    IReadOnlyList<ExtensionView>? Extensions);

public static class EvidenceViews
{
    public static EvidenceSide SideOf(CaseSide side) => side switch
    {
        CaseSide.Filing => EvidenceSide.Filing,
        CaseSide.Court => EvidenceSide.Court,
        _ => EvidenceSide.Other,
    };

    /// <summary>The stage as <paramref name="viewer"/> sees it: the judge's applications to extend the trial time limit are the
    /// team's.</summary>
    public static EvidenceStageView? Of(Domain.Cases.CourtCase c, CaseFile? file, CaseViewer viewer)
    {
        if (c.Evidence is not { } s) return null;
        var decisions = file?.Rows(EvidenceRows.ExtensionDecisions).ToDictionary(d => d.ExtensionId, StringComparer.Ordinal);
        return new EvidenceStageView(
            s.Period is { } p
                ? new EvidencePeriodView(p.EndsOnAsSet.ToString("yyyy-MM-dd"), p.Deadline.LastDay.ToString("yyyy-MM-dd"),
                    ChinaTime.ToChinaTime(p.Deadline.EndsAt), p.Deadline.Provisional, EvidenceStage.PeriodBasis,
                        ChinaTime.ToChinaTime(p.SetAt),
                    p.NoticeSentAt is { } sent ? ChinaTime.ToChinaTime(sent) : null,
                    p.NoticeServed.Select(n => new NoticeServedView(n.PartyNumber, ChinaTime.ToChinaTime(n.ServedAt))).ToList(), p.Ended,
                    p.ExtendedDays)
                : null,
            new EvidenceChainView(s.Chain.Count, s.Chain.Head?.Sha256),
            s.Exchanges.Select(e => new ExchangeView(e.Mode, ChinaTime.ToChinaTime(e.OpensAt), ChinaTime.ToChinaTime(e.ClosesAt),
                e.Disclosure,
                ChinaTime.ToChinaTime(e.OrderedAt))).ToList(),
            file?.Rows(EvidenceRows.Extensions).Where(a => a.Kind == ExtensionKind.EvidencePeriod || viewer.Grant.IsCourtStaff)
                .OrderBy(a => a.AppliedAt)
                .Select(a => ExtensionView.From(a, decisions!.GetValueOrDefault(a.ExtensionId))).ToList());
    }

    public static IServiceCollection AddEvidenceViews(this IServiceCollection services)
    {
        // The period, the chain's end, the exchanges and the extensions: every party's and the court's.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<EvidenceStageView>("evidence", Of));
        return services;
    }
}
