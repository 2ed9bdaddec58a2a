using ECourt.Application.Cases;

namespace ECourt.Application.ServiceOfProcess;

/// <summary>What a stage serves at registration. Declared by service of process; implemented by each stage with such a document.</summary>
public interface IServedAtRegistration
{
    Task<IReadOnlyList<DocumentToServe>> DocumentsAsync(StoredCase stored, DateTimeOffset now, CancellationToken ct);
}
