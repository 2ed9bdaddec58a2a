using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Money;
using ECourt.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Cases;

/// <summary>
/// Builds case views from the core and every registered part, with the deadlines pending as of court time, as the caller
/// may see them: other parties' contact data and identity only for the court's staff (<see cref="PartyDetails"/>), each
/// part only for the relationships the access table names, and the events' actors by role where they are not the
/// caller's own acts.
/// </summary>
public sealed class CaseViews(IEnumerable<ICaseViewPart> parts, IEnumerable<EventOfPart> eventsOfParts, VisibleDocuments documents,
    DeadlineCalculator deadlines, TimeProvider clock, IEnumerable<IHearingList> hearings)
{
    public IReadOnlyList<ICaseViewPart> Parts { get; } = parts.ToList();

    private readonly Dictionary<string, string> _partOfEvent =
        eventsOfParts.ToDictionary(e => e.Action, e => e.Part, StringComparer.Ordinal);

    public CaseView From(CaseGrant viewer, CourtCase c, CaseFile? file = null)
    {
        var parties = viewer.Parties;
        var staff = viewer.IsCourtStaff;
        var reader = new CaseViewer(viewer, file is null ? null : documents.Of(viewer, file));
        return new CaseView(
            c.CaseId, c.Court, c.CaseNumber, c.Status, c.CaseType, c.Procedure, c.Cause,
            c.ClaimAmount is { } a ? Yuan.Format(a) : null, c.Claims, c.Facts,
            c.Parties.Select(p => PartyDetails.SeesDetailsOf(viewer.Relations, parties, p) ? PartyView.From(p)
                : PartyView.NameAndRole(p)).ToList(),
            CaseDeadlines.Pending(c, clock.GetUtcNow(), deadlines).Select(DeadlineView.From).ToList(),
            hearings.SelectMany(h => h.Of(c)).ToList(),
            file?.Events.OrderBy(e => e.Sequence).Select(e => Event(viewer, e)).OfType<EventView>().ToList(),
            staff || viewer.Side == CaseSide.Filing ? c.FiledBy : null,
            ChinaTime.ToChinaTime(c.CreatedAt), c.RegisteredAt is { } at ? ChinaTime.ToChinaTime(at) : null, c.Version)
        {
            Parts = Parts.Where(p => AccessTable.ViewParts.TryGetValue(p.Name, out var who) && who.Overlaps(viewer.Relations))
                .Select(p => (p.Name, Value: p.Of(c, file, reader))).Where(p => p.Value is not null).ToDictionary(p => p.Name, p =>
                    p.Value),
        };
    }

    /// <summary>
    /// An event as the viewer reads it: the actor's account for the court's staff and for the viewer's own acts (else its role); and
    /// where its reason tells of a part the viewer does not see (<see cref="EventOfPart"/>), the action's legal source in
    /// its place if it moved the case, else nothing.
    /// </summary>
    private EventView? Event(CaseGrant viewer, CaseEvent e)
    {
        var view = EventView.Of(e, viewer.IsCourtStaff || e.ActorId == viewer.Caller.Id);
        if (!_partOfEvent.TryGetValue(e.Action, out var part)
            || (AccessTable.ViewParts.TryGetValue(part, out var who) && who.Overlaps(viewer.Relations)))
            return view;
        return e.From == e.To ? null : view with { Reason = CaseTransitions.Table.FirstOrDefault(a => a.Name == e.Action)?.Source ?? "" };
    }

    /// <summary>The uploader's account, for the court's case staff and the uploader's own side (a court's upload: staff only).</summary>
    public static bool SeesUploaderOf(CaseGrant viewer, Domain.Documents.CaseDocument d, CourtCase c) =>
        viewer.IsCourtStaff || (viewer.Side is { } side && side != CaseSide.Court && CaseRelations.SideOfUser(d.UploadedBy, c) == side);
}

public static class CaseViewRegistration
{
    public static IServiceCollection AddCaseViews(this IServiceCollection services)
    {
        services.AddSingleton<CaseViews>();
        // The documents the caller may see: its own side's, and those served on its parties.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<IReadOnlyList<DocumentView>>("documents", (c, _, viewer) =>
            viewer.Documents?.OrderBy(d => d.UploadedAt).Select(d => DocumentView.From(d, CaseViews.SeesUploaderOf(viewer.Grant, d, c)))
                .ToList()));
        // Deadlines a published arrangement would have kept running after they passed as told: for the clerk.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<IReadOnlyList<DeadlineFlagView>>("deadlineFlags",
            (c, _) => c.DeadlineFlags?.Items.Select(DeadlineFlagView.From).ToList()));
        // A lifecycle whose rounds fail shows on the case until a round succeeds again.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<LifecycleStallView>("lifecycle",
            (_, file) => file?.Rows(LifecycleRows.Stall).FirstOrDefault() is { } s
                ? new LifecycleStallView(ChinaTime.ToChinaTime(s.Since), s.Failures)
                : null));
        return services;
    }
}

/// <summary>The case's lifecycle stalled: since when (court time) and how many rounds failed in a row.</summary>
public sealed record LifecycleStallView(DateTimeOffset StalledSince, int FailedRounds);

/// <summary>A deadline that passed as told, but that the published arrangement would have kept running: the clerk decides.</summary>
public sealed record DeadlineFlagView(string Kind, string ToldLastDay, string PublishedLastDay, DateTimeOffset FlaggedAt, string Notice)
{
    public static DeadlineFlagView From(DeadlineFlag f) => new(f.Kind, f.ToldLastDay.ToString("yyyy-MM-dd"),
        f.PublishedLastDay.ToString("yyyy-MM-dd"),
        ChinaTime.ToChinaTime(f.FlaggedAt), f.Notice);
}
