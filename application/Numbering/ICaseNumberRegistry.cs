using ECourt.Domain.Numbering;

namespace ECourt.Application.Numbering;

/// <summary>
/// Allocates case numbers: a sequence per court, year and type, without gaps or duplicates under
/// concurrency. Asking again for the same case returns the number it already has.
/// </summary>
public interface ICaseNumberRegistry
{
    Task<CaseNumber> AllocateAsync(string court, int year, string typeCode, string caseId, CancellationToken ct = default);
}
