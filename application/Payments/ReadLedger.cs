using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>The case's account (the access table grants its readers: the filing side, the case staff and finance of its court).</summary>
public sealed class ReadLedger
{
    public sealed record Result(CaseFile File, IReadOnlyList<LedgerEntry> Entries);

    public Result Run(CaseGrant grant)
    {
        var file = grant.RequireFile();
        return new Result(file, file.Rows(LedgerRows.Ledger).OrderBy(l => l.RecordedAt).ToList());
    }
}
