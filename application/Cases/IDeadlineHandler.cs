using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>
/// What a stage does when one of its deadlines comes: each stage's handler keeps the kinds it declared
/// (<see cref="ICaseModule.KeptDeadlineKinds"/>), as of court time; if the case moved on meanwhile, nothing happens.
/// </summary>
public interface IDeadlineHandler
{
    IReadOnlyList<string> Kinds { get; }

    Task KeepAsync(string caseId, string kind, CancellationToken ct);
}
