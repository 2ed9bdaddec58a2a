using System.Globalization;
using System.Text.RegularExpressions;
using ECourt.Domain.Access;
using ECourt.Domain.Banking;
using ECourt.Domain.Calendar;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Banking;

/// <summary>Finance staff's view of a bank's day reconciled against the court's books.</summary>
public sealed partial class ReconciliationFunctions(ApiEndpoint endpoint, IReconciliationStore reconciliations, BankStatementHandler statements)
{
    /// <param name="Status">balanced, or mismatch: a line differs or the totals do</param>
    public sealed record ReconciliationView(string BankCode, string Date, string Status, DateTimeOffset ReconciledAt, int Entries, int Matched,
        int MissingFromLedger, int MissingFromStatement, int AmountDifferences, int AccountDifferences, string StatementTotal, string BookedTotal,
        IReadOnlyList<LineView> Lines, string? ContinuationToken);

    /// <param name="Kind">matched, missing-from-ledger, missing-from-statement, amount-difference, account-difference</param>
    /// <param name="Holder">who holds the money in the court's books: a court's code, or suspense</param>
    public sealed record LineView(string Kind, string BankTransactionId, string? StatementAccountNumber, string? StatementAmount, string? BookedAccountNumber,
        string? BookedAmount, DateTimeOffset BookedAt, string? Holder, string? CaseId);

    private static string KindName(ReconciliationKind kind) => kind switch
    {
        ReconciliationKind.Matched => "matched",
        ReconciliationKind.MissingFromLedger => "missing-from-ledger",
        ReconciliationKind.MissingFromStatement => "missing-from-statement",
        ReconciliationKind.AmountDifference => "amount-difference",
        _ => "account-difference",
    };

    private static LineView View(ReconciliationLine l) => new(KindName(l.Kind), l.BankTransactionId, l.Statement?.AccountNumber,
        l.Statement is { } s ? Yuan.Format(s.Amount) : null, l.Booked?.AccountNumber, l.Booked is { } b ? Yuan.Format(b.Amount) : null,
        ChinaTime.ToChinaTime(l.Statement?.BookedAt ?? l.Booked!.BookedAt), l.Booked?.Holder, l.Booked?.CaseId);

    [Function("GetReconciliation")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reconciliation/{bankCode}/{date}")] HttpRequest req, string bankCode, string date) =>
        endpoint.SignedIn(req, async caller =>
        {
            var mismatchesOnly = req.Query["mismatchesOnly"].ToString() switch
            {
                "" or "false" => false,
                "true" => true,
                _ => throw ApiProblem.Validation("mismatchesOnly", "true or false."),
            };
            var (pageSize, token) = Paging.Read(req);
            var summary = await LoadAsync(bankCode, date, req.HttpContext.RequestAborted);
            return new ApiResult(await ViewAsync(summary, mismatchesOnly, pageSize, token, req.HttpContext.RequestAborted));
        }, Roles.Finance);

    /// <summary>
    /// Reconciles the stored statement again, for a credit that arrived after its day was reconciled: the
    /// statement's entries are the ones its lines kept, compared with the books as they are now.
    /// </summary>
    [Function("RerunReconciliation")]
    public Task<IActionResult> Rerun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reconciliation/{bankCode}/{date}/rerun")] HttpRequest req, string bankCode, string date) =>
        endpoint.SignedIn(req, async caller =>
        {
            var ct = req.HttpContext.RequestAborted;
            var summary = await LoadAsync(bankCode, date, ct);
            var entries = new List<StatementEntry>();
            string? token = null;
            do
            {
                var page = await reconciliations.LinesAsync(summary, false, 1000, token, ct);
                entries.AddRange(page.Items.Where(l => l.Statement is not null).Select(l => l.Statement!));
                token = page.ContinuationToken;
            } while (token is not null);
            var statement = new BankStatement(bankCode, summary.Date, entries, entries.Count, entries.Sum(e => e.Amount));
            await statements.ReconcileAsync(statement, ct);
            var rerun = await reconciliations.GetAsync(bankCode, summary.Date, ct) ?? summary;
            return new ApiResult(await ViewAsync(rerun, false, Paging.DefaultPageSize, null, ct));
        }, Roles.Finance);

    /// <summary>The stored reconciliation of the bank's day named in the path.</summary>
    private async Task<ReconciliationSummary> LoadAsync(string bankCode, string date, CancellationToken ct)
    {
        if (!BankCodePattern().IsMatch(bankCode)) throw ApiProblem.Validation("bankCode", "A bank code: 2 to 16 capital letters and digits.");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw ApiProblem.Validation("date", "The China-time booking date: yyyy-MM-dd.");
        return await reconciliations.GetAsync(bankCode, day, ct) ?? throw ApiProblem.NotFound($"reconciled statement of {bankCode} for {date}");
    }

    private async Task<ReconciliationView> ViewAsync(ReconciliationSummary summary, bool mismatchesOnly, int pageSize, string? token, CancellationToken ct)
    {
        Page<ReconciliationLine> page;
        try
        {
            page = await reconciliations.LinesAsync(summary, mismatchesOnly, pageSize, token, ct);
        }
        catch (ArgumentException)
        {
            // The statement was reconciled again since the previous page: start from the first page.
            throw ApiProblem.Validation("continuationToken", "The reconciliation was run again since this token was issued; read it from the first page.");
        }
        return new ReconciliationView(summary.BankCode, summary.Date.ToString("yyyy-MM-dd"), summary.Balanced ? "balanced" : "mismatch",
            ChinaTime.ToChinaTime(summary.ReconciledAt), summary.Entries, summary.Matched, summary.MissingFromLedger, summary.MissingFromStatement,
            summary.AmountDifferences, summary.AccountDifferences, Yuan.Format(summary.StatementTotal), Yuan.Format(summary.BookedTotal),
            page.Items.Select(View).ToList(), page.ContinuationToken);
    }

    [GeneratedRegex("^[A-Z0-9]{2,16}$")]
    private static partial Regex BankCodePattern();
}
