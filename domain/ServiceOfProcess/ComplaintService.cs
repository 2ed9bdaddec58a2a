using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// The complaint copy after registration (CPL art. 128): dispatched to every defendant within 5 days of
/// registration, or the clerk is flagged; each defendant answers within 15 days of receiving it. When the
/// fee is settled and every defendant is served, the case moves to the answer and evidence stage.
/// </summary>
public sealed class ComplaintService(DeadlineCalculator deadlines)
{
    /// <summary>Send the complaint copy to the defendant within 5 days of registration (CPL art. 128): the dispatch is what is timed.</summary>
    public const int ComplaintDispatchDays = 5;

    /// <summary>The defendant answers within 15 days of receiving the complaint copy (CPL art. 128).</summary>
    public const int AnswerDays = 15;

    /// <summary>The dispatch deadline of a registered case: 5 days from registration.</summary>
    public Deadline DispatchDeadline(DateTimeOffset registeredAt) => deadlines.Compute(ChinaTime.DateOf(registeredAt), ComplaintDispatchDays, PeriodUnit.Days);

    public static IEnumerable<Party> Defendants(CourtCase c) => c.Parties.Where(p => p.Role == PartyRole.Defendant);

    public static bool AllServed(CourtCase c) =>
        c.ServiceOfProcess is { } p && Defendants(c).All(d => p.ComplaintServed.Any(s => s.PartyNumber == d.PartyNumber));

    /// <summary>Service of process has started: the dispatch deadline runs from registration.</summary>
    public (CourtCase Case, CaseEvent Event)? Started(CourtCase c, DateTimeOffset at)
    {
        if (c.ServiceOfProcess is not null || c.RegisteredAt is not { } registeredAt) return null;
        var dispatchBy = DispatchDeadline(registeredAt);
        return c.Record("StartServiceOfProcess", Actor.System, at,
            $"Fee notice and complaint copies sent for service; the complaint copy is dispatched by the end of {dispatchBy.LastDay:yyyy-MM-dd} (CPL art. 128)",
            x => x.With(new ServiceOfProcessSummary(at, dispatchBy, null, [], null)));
    }

    /// <summary>The complaint copy was served on a defendant; with the last one served the answer period runs, and an accepted case moves on.</summary>
    public (CourtCase Case, IReadOnlyList<CaseEvent> Events)? Served(CourtCase c, int partyNumber, DateTimeOffset servedAt)
    {
        if (c.ServiceOfProcess is not { } process || process.ComplaintServed.Any(s => s.PartyNumber == partyNumber)) return null;
        var served = process.ComplaintServed.Append(new PartyServed(partyNumber, servedAt)).ToList();
        var all = Defendants(c).All(d => served.Any(s => s.PartyNumber == d.PartyNumber));
        var answer = all ? deadlines.Compute(ChinaTime.DateOf(served.Max(s => s.ServedAt)), AnswerDays, PeriodUnit.Days) : null;
        var reason = $"Complaint copy served on party {partyNumber} on {ChinaTime.DateOf(servedAt):yyyy-MM-dd}"
            + (answer is null ? "" : $"; the answer is due by the end of {answer.LastDay:yyyy-MM-dd} (CPL art. 128)");
        var (recorded, ev) = c.Record("ComplaintCopyServed", Actor.System, servedAt, reason,
            x => x.With(process with { ComplaintServed = served, AnswerDeadline = answer }));
        if (BeginIfReady(recorded, servedAt) is { } begun) return (begun.Case, [ev, begun.Event]);
        return (recorded, [ev]);
    }

    /// <summary>An accepted case whose defendants are all served moves to the answer and evidence stage.</summary>
    public static (CourtCase Case, CaseEvent Event)? BeginIfReady(CourtCase c, DateTimeOffset at) =>
        c.Status == CaseStatus.Accepted && AllServed(c) && c.ServiceOfProcess!.AnswerDeadline is { } answer
            ? c.Transition(ServiceOfProcessActions.BeginEvidenceExchange, Actor.System, at,
                $"Fee settled and the complaint copy served on every defendant; answers due by the end of {answer.LastDay:yyyy-MM-dd}")
            : null;

    /// <summary>The dispatch deadline passed with a complaint copy not yet sent: flag the clerk, once.</summary>
    public static (CourtCase Case, CaseEvent Event)? FlagDispatchOverdue(CourtCase c, DateTimeOffset at, IReadOnlyList<int> undispatched)
    {
        if (c.ServiceOfProcess is not { DispatchOverdueFlaggedAt: null } process || undispatched.Count == 0 || at < process.DispatchDeadline.EndsAt) return null;
        return c.Record("ComplaintDispatchOverdue", Actor.System, at,
            $"The complaint copy was not dispatched to part{(undispatched.Count > 1 ? "ies" : "y")} {string.Join(", ", undispatched)} by the end of {process.DispatchDeadline.LastDay:yyyy-MM-dd} (CPL art. 128): for the clerk",
            x => x.With(process with { DispatchOverdueFlaggedAt = at }));
    }
}
