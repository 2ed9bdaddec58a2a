using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// A list across cases kept with every change of a case (the deadlines the lifecycle keeps, the years of the calendar
/// a case's deadlines depend on). The commit path asks each before it commits: rows the changed case needs are written
/// then, and rows it no longer needs are removed by the action answered, once the change has committed. A crash in
/// between leaves an extra row, never a missing one; each list's reader tolerates extra rows.
/// </summary>
public interface ICaseIndexing
{
    Task<Func<CancellationToken, Task>?> BeforeCommitAsync(CourtCase before, CourtCase after, CancellationToken ct);
}
