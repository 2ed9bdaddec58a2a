using System.Globalization;
using System.Text.RegularExpressions;
using ECourt.Application.Cases;
using ECourt.Domain.Payments;

namespace ECourt.Application.Payments;

/// <summary>Finance staff read a bank's reconciled day: its figures, and its lines a page at a time (mismatches only, if asked).</summary>
public sealed partial class ReadReconciliation(IReconciliationStore reconciliations)
{
    public sealed record Result(ReconciliationSummary Summary, Page<ReconciliationLine> Lines);

    /// <summary>The stored reconciliation of the bank's day named in the path.</summary>
    public async Task<ReconciliationSummary> SummaryAsync(string bankCode, string date, CancellationToken ct)
    {
        if (!BankCodePattern().IsMatch(bankCode))
            throw InvalidRequestException.Of("bankCode", "A bank code: 2 to 16 capital letters and digits.");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw InvalidRequestException.Of("date", "The China-time booking date: yyyy-MM-dd.");
        return await reconciliations.GetAsync(bankCode, day, ct)
            ?? throw new NotFoundException($"reconciled statement of {bankCode} for {date}");
    }

    public async Task<Result> RunAsync(string bankCode, string date, bool mismatchesOnly, int pageSize, string? token,
        CancellationToken ct) =>
        await LinesAsync(await SummaryAsync(bankCode, date, ct), mismatchesOnly, pageSize, token, ct);

    public async Task<Result> LinesAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? token,
        CancellationToken ct)
    {
        try
        {
            return new Result(summary, await reconciliations.LinesAsync(summary, mismatchesOnly, pageSize, token, ct));
        }
        catch (ArgumentException)
        {
            // The statement was reconciled again since the previous page: start from the first page.
            throw InvalidRequestException.Of("continuationToken",
                "The reconciliation was run again since this token was issued; read it from the first page.");
        }
    }

    [GeneratedRegex("^[A-Z0-9]{2,16}$")]
    private static partial Regex BankCodePattern();
}
