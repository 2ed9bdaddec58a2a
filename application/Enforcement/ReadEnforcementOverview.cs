using ECourt.Application.Access;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Calendar;

namespace ECourt.Application.Enforcement;

/// <summary>What the command centre adds up over a set of open enforcement cases.</summary>
public sealed record OverviewFigures(int OpenCases, decimal AmountToRecover, decimal Received, decimal PaidOut, decimal Held,
    int OverduePayouts, int UnansweredInquiries, int ExpiringFreezes, int SupervisedCases)
{
    public static OverviewFigures Of(IEnumerable<OverviewCase> cases)
    {
        var list = cases.ToList();
        return new OverviewFigures(list.Count, list.Sum(c => c.Row.AmountToRecover), list.Sum(c => c.Row.Received),
            list.Sum(c => c.Row.PaidOut), list.Sum(c => c.Row.Held), list.Count(c => c.Row.PayoutOverdue),
            list.Sum(c => c.Row.UnansweredInquiries), list.Sum(c => c.ExpiringFreezes), list.Count(c => c.Row.Supervised));
    }
}

/// <summary>One open case in the command centre: its row, and how many of its freezes in force expire soon as of the day read.</summary>
public sealed record OverviewCase(EnforcementOverviewRow Row, int ExpiringFreezes);

/// <summary>One officer's open cases added up (officer null: the cases not yet assigned).</summary>
public sealed record OfficerFigures(string? Officer, OverviewFigures Figures);

/// <summary>
/// The command centre of a court as of court time <see cref="Today"/>: the totals of the cases selected (the court's, or one officer's),
/// each officer's, and the cases the caller may see the figures of.
/// </summary>
public sealed record EnforcementOverview(string Court, string? Officer, DateOnly Today, OverviewFigures Totals,
    IReadOnlyList<OfficerFigures> Officers, IReadOnlyList<OverviewCase> Cases);

/// <summary>
/// The enforcement command centre (执行指挥中心) of the caller's own court: read from its rows (one single-partition query, never the
/// cases or their ledgers) and added up here, per officer and for the court. Everyone it serves sees the court's and every officer's
/// totals, which are the division's workload; the cases listed one by one are those the caller may see (the case access rule): every
/// case for the president and the head of the enforcement division, an officer's own cases and those not yet assigned for an officer.
/// </summary>
public sealed class ReadEnforcementOverview(IEnforcementOverview overview, TimeProvider clock)
{
    /// <summary>A freeze in force whose last day is at most this many days after today is expiring (its renewal is due).</summary>
    public const int ExpiringWithinDays = 30;

    public async Task<EnforcementOverview> RunAsync(CourtUser caller, string? court, string? officer, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(court) ? caller.Court : court.Trim();
        if (!string.Equals(code, caller.Court, StringComparison.Ordinal))
            throw new ForbiddenException("Enforcement staff read the command centre of their own court only.");
        var who = string.IsNullOrWhiteSpace(officer) ? null : officer.Trim();
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var expiringBy = today.AddDays(ExpiringWithinDays);
        var cases = (await overview.ListOpenAsync(code, who, ct))
            .Select(r => new OverviewCase(r, r.FreezesInForceUntil.Count(until => until <= expiringBy)))
            .OrderBy(c => c.Row.CaseNumber, StringComparer.Ordinal).ThenBy(c => c.Row.CaseId, StringComparer.Ordinal)
            .ToList();
        var officers = cases.GroupBy(c => c.Row.Officer)
            .Select(g => new OfficerFigures(g.Key, OverviewFigures.Of(g)))
            .OrderBy(o => o.Officer is null).ThenBy(o => o.Officer, StringComparer.Ordinal)
            .ToList();
        var seesEvery = caller.IsInRole(Roles.President)
            || (caller.IsInRole(Roles.DivisionHead) && caller.Division == Division.Enforcement);
        var seen = cases.Where(c => seesEvery || (caller.IsInRole(Roles.EnforcementOfficer)
            && (c.Row.Officer is null || string.Equals(c.Row.Officer, caller.Id, StringComparison.Ordinal)))).ToList();
        return new EnforcementOverview(code, who, today, OverviewFigures.Of(cases), officers, seen);
    }
}
