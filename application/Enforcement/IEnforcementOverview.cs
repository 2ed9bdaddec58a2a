using System.Text.Json.Serialization;
using ECourt.Application.Cases;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>
/// One enforcement case as the command centre counts it, taken from its snapshot at <see cref="Version"/>: its number, officer and
/// status, the money (to recover, received into its account, paid out, held for the creditor), whether a payout is overdue, the banks
/// still silent in its open inquiries, the last days of its freezes in force (which of them expire soon depends on the day it is read)
/// and whether it is supervised (idle, or open past its time limit).
/// </summary>
public sealed record EnforcementOverviewRow(string Court, string CaseId, int Version, string? CaseNumber, string? Officer,
    CaseStatus Status, decimal AmountToRecover, decimal Received, decimal PaidOut, decimal Held, bool PayoutOverdue,
    int UnansweredInquiries, IReadOnlyList<DateOnly> FreezesInForceUntil, bool Supervised)
{
    /// <summary>Open: still enforced (closed for now counts, as it reopens when assets appear).</summary>
    [JsonIgnore]
    public bool IsOpen => Status is CaseStatus.Enforcing or CaseStatus.EnforcementClosedForNow;

    /// <summary>The row of an enforcement case; null for any other case.</summary>
    public static EnforcementOverviewRow? Of(CourtCase c)
    {
        if (!c.IsEnforcementCase || c.Enforcement is not { } e) return null;
        return new EnforcementOverviewRow(c.Court, c.CaseId, c.Version, c.CaseNumber, c.Assignment?.Officer, c.Status, e.AmountToRecover,
            e.Received, e.PaidOut, e.Held, e.PayoutOverdueSince is not null,
            e.Inquiries.Where(i => i.IsOpen).Sum(i => i.Silent.Count()),
            e.Freezes.Where(f => f.IsInForce).Select(f => f.Until).Order().ToList(),
            e.SupervisedSince is not null || e.LimitExceededAt is not null);
    }
}

/// <summary>
/// The command centre's rows: one per enforcement case, by court, each at the case version it was taken from. A write never replaces
/// a row taken from a later version of the case, so writes that arrive out of order leave the latest.
/// </summary>
public interface IEnforcementOverview
{
    /// <summary>Writes the row unless the stored one is of a later version; false when it was left as it was.</summary>
    Task<bool> PutAsync(EnforcementOverviewRow row, CancellationToken ct = default);

    /// <summary>The open cases' rows of one court (of one officer's cases, when <paramref name="officer"/> is given).</summary>
    Task<IReadOnlyList<EnforcementOverviewRow>> ListOpenAsync(string court, string? officer, CancellationToken ct = default);

    /// <summary>The row of one case as stored, whatever its status; null when there is none.</summary>
    Task<EnforcementOverviewRow?> GetAsync(string court, string caseId, CancellationToken ct = default);
}

/// <summary>
/// Keeps the command centre's row of an enforcement case with every change of the case (the one commit path): the row of the new
/// snapshot is written before the change commits and written again after it. A crash before the commit leaves the row of what the
/// retry then commits (or the next change replaces); one after leaves the row already written. A writer that lost the race on the
/// case's ETag and wrote before the winner's second write is overwritten by it; one that wrote after it is overwritten by its own
/// retry's higher version, and only where that retry finds nothing left to do does the row keep its figures until the case's next
/// change (the commit path tells an indexing nothing of a lost race).
/// </summary>
public sealed class EnforcementOverviewIndexing(IEnforcementOverview overview) : ICaseIndexing
{
    public async Task<Func<CancellationToken, Task>?> BeforeCommitAsync(CourtCase before, CourtCase after, CancellationToken ct)
    {
        if (EnforcementOverviewRow.Of(after) is not { } row) return null;
        await overview.PutAsync(row, ct);
        return token => overview.PutAsync(row, token);
    }
}
