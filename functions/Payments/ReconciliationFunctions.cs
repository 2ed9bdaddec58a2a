using ECourt.Application.Cases;
using ECourt.Application.Payments;
using ECourt.Domain.Calendar;
using ECourt.Domain.Money;
using ECourt.Domain.Payments;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Payments;

/// <summary>Finance staff's view of a bank's day reconciled against the court's books.</summary>
public sealed class ReconciliationFunctions(ApiEndpoint endpoint, ReadReconciliation read, RerunReconciliation rerun)
{
    /// <param name="Status">balanced, or mismatch: a line differs or the totals do</param>
    public sealed record ReconciliationView(string BankCode, string Date, [property: OneOf(typeof(ReconciliationStatus))] string Status,
        DateTimeOffset ReconciledAt, int Entries,
        int Matched,
        int MissingFromLedger, int MissingFromStatement, int AmountDifferences, int AccountDifferences, string StatementTotal,
            string BookedTotal,
        IReadOnlyList<LineView> Lines, string? ContinuationToken);

    /// <param name="Holder">who holds the money in the court's books: a court's code, or suspense</param>
    public sealed record LineView(ReconciliationKind Kind, string BankTransactionId, string? StatementAccountNumber,
        string? StatementAmount, string? BookedAccountNumber,
        string? BookedAmount, DateTimeOffset BookedAt, string? Holder, string? CaseId);

    private static LineView View(ReconciliationLine l) => new(l.Kind, l.BankTransactionId, l.Statement?.AccountNumber,
        l.Statement is { } s ? Yuan.Format(s.Amount) : null, l.Booked?.AccountNumber, l.Booked is { } b ? Yuan.Format(b.Amount) : null,
        ChinaTime.ToChinaTime(l.Statement?.BookedAt ?? l.Booked!.BookedAt), l.Booked?.Holder, l.Booked?.CaseId);

    private static ReconciliationView View(ReadReconciliation.Result r) => new(r.Summary.BankCode, r.Summary.Date.ToString("yyyy-MM-dd"),
        r.Summary.Balanced ? "balanced" : "mismatch", ChinaTime.ToChinaTime(r.Summary.ReconciledAt), r.Summary.Entries, r.Summary.Matched,
        r.Summary.MissingFromLedger, r.Summary.MissingFromStatement, r.Summary.AmountDifferences, r.Summary.AccountDifferences,
        Yuan.Format(r.Summary.StatementTotal), Yuan.Format(r.Summary.BookedTotal), r.Lines.Items.Select(View).ToList(),
            r.Lines.ContinuationToken);

    [ApiOperation("finance", "A bank's statement for one China-time day compared with the court's books, line by line.",
        Response = typeof(ReconciliationView), Problems = [400, 401, 403, 404], Paged = true, Headers = ["ETag"],
        Description = "Finance staff (role finance) read a bank's statement for one China-time day compared with the court's books, line "
            + "by line: matched, missing from the ledger or from the statement, or differing in amount or account. `status` is balanced "
            + "when every line and both totals agree; `mismatchesOnly=true` lists only the lines that differ. 404 until the bank's "
            + "statement of the day has been reconciled.")]
    [ApiParameter("mismatchesOnly", "query", "true: only the lines that differ.", Type = "boolean")]
    [Function("GetReconciliation")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reconciliation/{bankCode}/{date}")] HttpRequest req, string bankCode,
            string date) =>
        endpoint.SignedIn(req, "GetReconciliation", async caller =>
        {
            var mismatchesOnly = req.Query["mismatchesOnly"].ToString() switch
            {
                "" or "false" => false,
                "true" => true,
                _ => throw ApiProblem.Validation("mismatchesOnly", "true or false."),
            };
            var (pageSize, token) = Paging.Read(req);
            return new ApiResult(View(await read.RunAsync(bankCode, date, mismatchesOnly, pageSize, token,
                req.HttpContext.RequestAborted)));
        });

    [ApiOperation("finance", "Reconcile the stored statement again with the books as they are now.", Response = typeof(ReconciliationView),
        Problems = [400, 401, 403, 404, 409],
        Description = "Finance staff (role finance) reconcile a bank day's stored statement again with the books as they are now, after "
            + "a late credit was booked or a suspense deposit claimed; the answer is the result's first page, as GET returns it. 409 "
            + "reconciliation-running while another reconciliation of that day runs: retry after it.")]
    [Function("RerunReconciliation")]
    public Task<IActionResult> Rerun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reconciliation/{bankCode}/{date}/rerun")] HttpRequest req,
            string bankCode, string date) =>
        endpoint.SignedIn(req, "RerunReconciliation", async caller =>
            new ApiResult(View(await rerun.RunAsync(bankCode, date, Paging.DefaultPageSize, req.HttpContext.RequestAborted))));
}
