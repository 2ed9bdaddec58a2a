using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Judgments;

namespace ECourt.Domain.Publication;

/// <summary>What an anonymised text holds for the workflow: how much was redacted, what the residue scan still finds.</summary>
public sealed record DraftText(string? TextId, int Redactions, IReadOnlyList<RedactionKind> Residue)
{
    public bool Missing => TextId is null;
}

/// <summary>
/// Publishing the effective judgment online (SPC Provisions on Publishing Judgments on the Internet, 2016; Heilongjiang's rules):
/// the anonymised draft is made when the judgment takes effect, the clerk prepares it within 5 days (deciding on anything the residue
/// scan still finds, and giving the text when the PDF could not be read), the division head or the president approves it with
/// corrections if any, it is escalated when not approved by the end of the 5th day, published within 7 working days of effect (late,
/// it is flagged), and a judge may withdraw it with a reason. None of it moves the case: it stays effective.
/// </summary>
public static class PublicationRules
{
    public const int PreparationDays = 5;

    public const int PublicationWorkingDays = 7;

    public const string PreparationBasis = "Heilongjiang rules on publishing judgments: prepared within 5 days of effect and approved "
        + "by the division head or the president";

    public const string PublicationBasis = "SPC Provisions on Publishing Judgments on the Internet (2016): published within 7 working "
        + "days of taking effect";

    public const string MakeDraft = "MakePublicationDraft";
    public const string Prepare = "PreparePublication";
    public const string Approve = "ApprovePublication";
    public const string Escalate = "EscalatePublication";
    public const string FlagLate = "FlagPublicationLate";
    public const string Release = "ReleasePublication";
    public const string Withdraw = "WithdrawPublication";

    public static Deadline PreparationDeadline(DateOnly effectiveOn, DeadlineCalculator deadlines) =>
        deadlines.Compute(effectiveOn, PreparationDays, PeriodUnit.Days);

    public static Deadline PublicationDeadline(DateOnly effectiveOn, DeadlineCalculator deadlines) =>
        deadlines.Compute(effectiveOn, PublicationWorkingDays, PeriodUnit.WorkingDays);

    /// <summary>Whether the effective case's draft is still to be made.</summary>
    public static bool DraftDue(CourtCase c) => c.Status == CaseStatus.Effective && c.Judgment is { EffectiveOn: not null }
        && c.Publication is null;

    public static (CourtCase Case, CaseEvent Event)? Draft(CourtCase c, DateTimeOffset now, string? notPublishedReason, DraftText text)
    {
        if (!DraftDue(c)) return null;
        var j = c.Judgment!;
        var publication = new JudgmentPublication(j.JudgmentId, j.EffectiveOn!.Value, notPublishedReason, PublicationState.AwaitingClerk,
            1, text.TextId, text.Missing, text.Redactions, text.Residue, now, null, null, null, null, null, null, null, 0, 0, null, null);
        return c.Record(MakeDraft, Actor.System, now,
            notPublishedReason is not null ? $"Not published ({notPublishedReason}): the notice of non-publication is drafted for the clerk"
            : text.Missing ? "The judgment's text could not be read from its PDF: the clerk gives the text to anonymise"
            : $"Anonymised draft made ({text.Redactions} redactions"
                + (text.Residue.Count > 0 ? $"; the residue scan still finds {Kinds(text.Residue)}: the clerk decides" : "") + ")",
            x => x.WithPublication(publication));
    }

    private static string Kinds(IReadOnlyList<RedactionKind> kinds) => string.Join(", ", kinds.Distinct().Select(k => k.WireName()));

    private static JudgmentPublication Open(CourtCase c, params PublicationState[] states)
    {
        if (c.Publication is not { } p || !states.Contains(p.State))
            throw new DomainRuleException("publication-not-open",
                $"The judgment's publication is {(c.Publication is { } q ? q.State.WireName() : "not yet drafted")}; this act needs it "
                + string.Join(" or ", states.Select(s => s.WireName())) + ".");
        return p;
    }

    /// <summary>
    /// The clerk prepares the draft (a corrected text is a new version): a text the PDF did not give must be given, and what the
    /// residue scan still finds must be decided on expressly.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event) PrepareDraft(CourtCase c, Actor clerk, DateTimeOffset now, DraftText? corrected,
        bool residueReviewed)
    {
        var p = Open(c, PublicationState.AwaitingClerk, PublicationState.AwaitingApproval);
        if (p.TextMissing && corrected?.TextId is null)
            throw new DomainRuleException("publication-text-required",
                "The judgment's text could not be read from its PDF: give the text to publish.", "text");
        var residue = corrected?.Residue ?? p.Residue;
        if (residue.Count > 0 && !residueReviewed)
            throw new DomainRuleException("publication-residue",
                $"The text still holds what looks like {Kinds(residue)} (the residue scan): correct it, or confirm with residueReviewed "
                + "that it is not personal data.", "residueReviewed");
        var prepared = p with
        {
            State = PublicationState.AwaitingApproval,
            TextVersion = corrected is null ? p.TextVersion : p.TextVersion + 1,
            TextId = corrected?.TextId ?? p.TextId,
            TextMissing = false,
            Redactions = corrected?.Redactions ?? p.Redactions,
            Residue = residue,
            PreparedAt = now,
            PreparedBy = clerk.UserId,
        };
        return c.Record(Prepare, clerk, now, $"Publication prepared by the clerk (text version {prepared.TextVersion}"
            + (residue.Count > 0 ? $"; the residue scan's {Kinds(residue)} reviewed and kept" : "") + "): for approval",
            x => x.WithPublication(prepared));
    }

    /// <summary>
    /// The division head or the president approves: with corrections, a new version scanned again (anything it still finds sends it
    /// back to the clerk); the judgment is published.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event) ApproveDraft(CourtCase c, Actor approver, DateTimeOffset now, DraftText? corrected)
    {
        var p = Open(c, PublicationState.AwaitingApproval);
        if (corrected is { Residue.Count: > 0 })
            throw new DomainRuleException("publication-residue",
                $"The corrected text holds what looks like {Kinds(corrected.Residue)} (the residue scan): correct it again, or return it "
                + "to the clerk.", "corrections");
        var published = p with
        {
            State = PublicationState.Published,
            TextVersion = corrected is null ? p.TextVersion : p.TextVersion + 1,
            TextId = corrected?.TextId ?? p.TextId,
            Redactions = corrected?.Redactions ?? p.Redactions,
            ApprovedAt = now,
            ApprovedBy = approver.UserId,
            PublishedAt = now,
            Version = p.Version + 1,
        };
        return c.Record(Approve, approver, now, $"Publication approved{(corrected is null ? "" : " with corrections")} and published "
            + $"(version {published.Version})", x => x.WithPublication(published));
    }

    /// <summary>A judge withdraws the published judgment with a reason: it is no longer shown or found.</summary>
    public static (CourtCase Case, CaseEvent Event) WithdrawPublished(CourtCase c, Actor judge, DateTimeOffset now, string reason)
    {
        var p = Open(c, PublicationState.Published);
        var withdrawn = p with
        {
            State = PublicationState.Withdrawn,
            WithdrawnAt = now,
            WithdrawalReason = reason,
            Version = p.Version + 1,
        };
        return c.Record(Withdraw, judge, now, $"Published judgment withdrawn: {reason}", x => x.WithPublication(withdrawn));
    }

    /// <summary>The public copy (and the search index's message) now hold <paramref name="version"/>.</summary>
    public static (CourtCase Case, CaseEvent Event)? Released(CourtCase c, int version, DateTimeOffset now)
    {
        if (c.Publication is not { } p || p.ReleasedVersion >= version) return null;
        return c.Record(Release, Actor.System, now, $"Publication version {version} released to the public site and its search",
            x => x.WithPublication(p with { ReleasedVersion = version }));
    }

    /// <summary>Not approved by the end of the 5th day after effect: escalated to the division head and the president, once.</summary>
    public static (CourtCase Case, CaseEvent Event)? EscalateLate(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Publication is not { Open: true, EscalatedAt: null } p || now < PreparationDeadline(p.EffectiveOn, deadlines).EndsAt)
            return null;
        return c.Record(Escalate, Actor.System, now,
            $"Publication not approved within {PreparationDays} days of effect ({PreparationBasis}): escalated to the division head and "
            + "the president", x => x.WithPublication(p with { EscalatedAt = now }));
    }

    /// <summary>Not published within 7 working days of effect: flagged as late, once.</summary>
    public static (CourtCase Case, CaseEvent Event)? FlagOverdue(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        if (c.Publication is not { Open: true, OverdueFlaggedAt: null } p || now < PublicationDeadline(p.EffectiveOn, deadlines).EndsAt)
            return null;
        return c.Record(FlagLate, Actor.System, now, $"Not published within {PublicationWorkingDays} working days of effect "
            + $"({PublicationBasis}): late", x => x.WithPublication(p with { OverdueFlaggedAt = now }));
    }
}
