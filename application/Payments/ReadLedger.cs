using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>The case's account for those who see the case and for finance staff of its court: every entry and the balance.</summary>
public sealed class ReadLedger(ICaseStore store)
{
    public sealed record Result(CaseFile File, IReadOnlyList<LedgerEntry> Entries);

    public async Task<Result> RunAsync(string caseId, Domain.Access.CourtUser caller, CancellationToken ct)
    {
        if (!Domain.Cases.CaseId.IsValid(caseId)) throw new NotFoundException("such case");
        var file = await store.GetFileAsync(caseId, ct);
        if (file is null
            || !(Domain.Access.CaseVisibility.CanSee(caller, file.Case) || caller.IsStaffOf(file.Case.Court, Domain.Access.Roles.Finance)))
            throw new NotFoundException("such case");
        return new Result(file, file.Rows(LedgerRows.Ledger).OrderBy(l => l.RecordedAt).ToList());
    }
}
