using ECourt.Application.Publication;
using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Publication;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Publication;

/// <summary>Something the residue scan still finds: its kind and place in the text.</summary>
public sealed record ResidueView(string Kind, int Start, int Length);

/// <summary>A judgment's publication as its staff read it.</summary>
public sealed record PublicationView(string JudgmentId, string State, string EffectiveOn, string? NotPublishedReason, int TextVersion,
    string? Text, bool TextMissing, int Redactions, IReadOnlyList<ResidueView> Residue, DateTimeOffset DraftedAt, string? PreparedBy,
    DateTimeOffset? PreparedAt, string? ApprovedBy, DateTimeOffset? ApprovedAt, DateTimeOffset? EscalatedAt,
    DateTimeOffset? OverdueFlaggedAt, DateTimeOffset? PublishedAt, int Version, DateTimeOffset? WithdrawnAt, string? WithdrawalReason)
{
    private static DateTimeOffset? At(DateTimeOffset? at) => at is { } x ? ChinaTime.ToChinaTime(x) : null;

    public static PublicationView Of(PublicationDraft d)
    {
        var p = d.Publication;
        return new PublicationView(p.JudgmentId, p.State.WireName(), p.EffectiveOn.ToString("yyyy-MM-dd"), p.NotPublishedReason,
            p.TextVersion, d.Text, p.TextMissing, p.Redactions, d.Residue.Select(r => new ResidueView(r.Kind.WireName(), r.Start,
                r.Length)).ToList(), ChinaTime.ToChinaTime(p.DraftedAt), p.PreparedBy, At(p.PreparedAt), p.ApprovedBy, At(p.ApprovedAt),
            At(p.EscalatedAt), At(p.OverdueFlaggedAt), At(p.PublishedAt), p.Version, At(p.WithdrawnAt), p.WithdrawalReason);
    }
}

/// <summary>One hit of the public search.</summary>
public sealed record JudgmentHitView(string JudgmentId, string CaseNumber, string Court, string Cause, string DecidedOn, string Title,
    string Excerpt)
{
    public static JudgmentHitView Of(JudgmentHit h) => new(h.JudgmentId, h.CaseNumber, h.Court, h.Cause, h.DecidedOn.ToString("yyyy-MM-dd"),
        h.Title, h.Excerpt);
}

/// <summary>A page of the public search: how many judgments match in all, the page and its hits.</summary>
public sealed record JudgmentSearchView(long Total, int Page, int PageSize, IReadOnlyList<JudgmentHitView> Items);

/// <summary>A published judgment as the public reads it.</summary>
public sealed record PublishedJudgmentView(string JudgmentId, string CaseNumber, string Court, string CourtName, string Cause,
    string DecidedOn, string PublishedOn, string Title, string? NotPublishedReason, string Text)
{
    public static PublishedJudgmentView Of(PublishedJudgment j) => new(j.JudgmentId, j.CaseNumber, j.Court, j.CourtName, j.Cause,
        j.DecidedOn.ToString("yyyy-MM-dd"), j.PublishedOn.ToString("yyyy-MM-dd"), j.Title, j.NotPublishedReason, j.Text ?? "");
}

/// <summary>The publication in the case view, for the case's team: its state, and whether it was escalated or is late.</summary>
public sealed record PublicationStateView(string State, DateTimeOffset DraftedAt, DateTimeOffset? EscalatedAt,
    DateTimeOffset? OverdueFlaggedAt,
    DateTimeOffset? PublishedAt, DateTimeOffset? WithdrawnAt)
{
    public static PublicationStateView? Of(CourtCase c) => c.Publication is { } p
        ? new PublicationStateView(p.State.WireName(), ChinaTime.ToChinaTime(p.DraftedAt), At(p.EscalatedAt), At(p.OverdueFlaggedAt),
            At(p.PublishedAt), At(p.WithdrawnAt))
        : null;

    private static DateTimeOffset? At(DateTimeOffset? at) => at is { } x ? ChinaTime.ToChinaTime(x) : null;
}

public static class PublicationViewRegistration
{
    public static IServiceCollection AddPublicationViews(this IServiceCollection services) =>
        // The court's: the publication's workflow (the public reads what is published on the public routes).
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<PublicationStateView>("publication", (c, _) => PublicationStateView.Of(c)));
}
