using ECourt.Domain.Cases;

namespace ECourt.Application.Cases;

/// <summary>Keeps a deadline by its kind's handler, and answers the case's state after it.</summary>
public sealed class KeepDeadline(IEnumerable<IDeadlineHandler> handlers, ICaseStore store)
{
    private readonly Dictionary<string, IDeadlineHandler> _byKind =
        handlers.SelectMany(h => h.Kinds.Select(k => (k, h))).ToDictionary(x => x.k, x => x.h);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    public async Task<CaseStatus> RunAsync(string caseId, string kind, CancellationToken ct = default)
    {
        if (!_byKind.TryGetValue(kind, out var handler)) throw new InvalidOperationException($"No stage keeps deadlines of kind {kind}.");
        await handler.KeepAsync(caseId, kind, ct);
        return (await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId)).Case.Status;
    }
}
