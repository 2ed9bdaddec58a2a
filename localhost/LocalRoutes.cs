using System.Text.Json;
using ECourt.Adapters.Identity;
using ECourt.Domain.Accounts;
using ECourt.Domain.Fees;
using ECourt.Domain.Ports;
using ECourt.Functions.Http;
using ECourt.Domain.Cases;
using ECourt.Functions.Lifecycle;
using ECourt.Orchestrations.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace ECourt.LocalHost;

/// <summary>
/// Routes only the local host has, under /api/local/: a development identity provider that issues
/// the X-MS-CLIENT-PRINCIPAL header App Service Authentication would send, and a stand-in for a bank
/// crediting a case account (booked to the ledger as the bank handler will, then signalled) until bank
/// messages arrive over Service Bus.
/// </summary>
public static class LocalRoutes
{
    public sealed record SignInRequest(string? UserId, List<string>? Roles, string? Court, string? Name);
    public sealed record SignInAnswer(string Header, string HeaderName, string UserId, IReadOnlyList<string> Roles, string? Court);
    public sealed record FeeCreditRequest(string? AccountNumber, string? BankCode, string? BankTransactionId, string? Amount, DateTimeOffset? BookedAt);
    public sealed record FeeCreditAnswer(string CaseId, bool Recorded, string Status, string AmountPaid);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/local/sign-in", new RequestDelegate(context => Guard(context, SignInAsync)));
        app.MapPost("/api/local/fee-credits", new RequestDelegate(context => Guard(context, FeeCreditAsync)));
    }

    private static async Task<IActionResult> SignInAsync(HttpContext context)
    {
        var r = await Read<SignInRequest>(context);
        if (string.IsNullOrWhiteSpace(r?.UserId) || r.Roles is null || r.Roles.Count == 0)
            throw ApiProblem.Validation("userId", "Give a userId and at least one role.");
        var header = ClientPrincipal.Encode(r.UserId, r.Roles, r.Court, r.Name);
        return new ApiResult(new SignInAnswer(header, ClientPrincipal.HeaderName, r.UserId, r.Roles, r.Court));
    }

    private static async Task<IActionResult> FeeCreditAsync(HttpContext context)
    {
        var index = context.RequestServices.GetRequiredService<ICaseIndex>();
        var client = context.RequestServices.GetRequiredService<DurableTaskClient>();
        var r = await Read<FeeCreditRequest>(context);
        var v = new Validation();
        v.Check(VirtualAccountNumber.IsValid(r?.AccountNumber), "accountNumber", "A case account number: 19 digits with a valid check digit.");
        v.Check(r?.BankCode is { Length: >= 2 and <= 16 } code && code.All(char.IsAsciiLetterOrDigit), "bankCode", "2 to 16 letters and digits.");
        v.Check(r?.BankTransactionId is { Length: >= 1 and <= 64 } id && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'),
            "bankTransactionId", "1 to 64 letters, digits, - _ .");
        if (!Yuan.TryParse(r?.Amount, out var amount, out var error)) v.Add("amount", error!);
        else v.Check(amount > 0, "amount", "A credit is more than 0.00.");
        v.ThrowIfAny();
        var caseId = await index.FindCaseByAccountAsync(r!.AccountNumber!, context.RequestAborted) ?? throw ApiProblem.NotFound("case with that account");
        var bookedAt = r.BookedAt ?? context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var ledger = context.RequestServices.GetRequiredService<FeeLedger>();
        var (recorded, stored) = await ledger.RecordCreditAsync(caseId, new FeeCredit(r.BankCode!, r.BankTransactionId!, amount, bookedAt), context.RequestAborted);
        await context.RequestServices.GetRequiredService<CaseSignals>().CaseChangedAsync(client, stored.Case, "RecordFeeCredit", context.RequestAborted);
        return new ApiResult(new FeeCreditAnswer(caseId, recorded, stored.Case.Status.ToString(), Yuan.Format(stored.Case.FeeNotice?.AmountPaid ?? 0m)));
    }

    private static async Task<T?> Read<T>(HttpContext context) where T : class
    {
        try { return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ApiJson.RequestOptions, context.RequestAborted); }
        catch (JsonException ex) { throw ApiProblem.Malformed(ex.Message); }
    }

    private static async Task Guard(HttpContext context, Func<HttpContext, Task<IActionResult>> work)
    {
        IActionResult result;
        try { result = await work(context); }
        catch (ApiProblem problem) { result = ProblemResult.From(problem, context.Request.Path); }
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
    }
}
