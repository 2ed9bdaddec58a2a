using System.Text.Json;
using ECourt.Adapters.Identity;
using ECourt.Functions.Http;
using ECourt.Functions.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace ECourt.LocalHost;

/// <summary>
/// Routes only the local host has, under /api/local/: a development identity provider that issues
/// the X-MS-CLIENT-PRINCIPAL header App Service Authentication would send, a door for bank messages
/// that runs them through the Service Bus listener's handler without a broker, the SMS outbox, and
/// the court clock that can be moved forward.
/// </summary>
public static class LocalRoutes
{
    /// <param name="VerifiedIdNumber">as a real-name verification would give it: the resident id number the account proved</param>
    /// <param name="VerifiedCreditCode">the unified social credit code of the organisation the account acts for, as verified</param>
    /// <param name="VerifiedName">the person's name the verification gave with the id number</param>
    /// <param name="VerifiedOrganisationName">the organisation's name, verified with its credit code</param>
    /// <param name="IdentityVerificationMethod">as an identity platform's verification just made would report it (face): the
    /// sign-in then carries a verification that passed at the court clock's now, as an online hearing's join asks</param>
    public sealed record SignInRequest(string? UserId, List<string>? Roles, string? Court, string? Name, string? VerifiedIdNumber = null,
        string? VerifiedCreditCode = null, string? VerifiedName = null, string? VerifiedOrganisationName = null,
        string? IdentityVerificationMethod = null);
    public sealed record SignInAnswer(string Header, string HeaderName, string UserId, IReadOnlyList<string> Roles, string? Court);

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/local/sign-in", new RequestDelegate(context => Guard(context, SignInAsync)));
        app.MapPost("/api/local/bank-messages", new RequestDelegate(context => Guard(context, BankMessageAsync)));
        app.MapGet("/api/local/sms-outbox", new RequestDelegate(context => Guard(context, SmsOutboxAsync)));
        app.MapGet("/api/local/clock", new RequestDelegate(context => Guard(context, ClockAsync)));
        app.MapPost("/api/local/clock", new RequestDelegate(context => Guard(context, MoveClockAsync)));
    }

    private static async Task<IActionResult> SignInAsync(HttpContext context)
    {
        var r = await Read<SignInRequest>(context);
        if (string.IsNullOrWhiteSpace(r?.UserId) || r.Roles is null || r.Roles.Count == 0)
            throw ApiProblem.Validation("userId", "Give a userId and at least one role.");
        var verification = string.IsNullOrWhiteSpace(r.IdentityVerificationMethod) ? null
            : new ReportedVerification(r.IdentityVerificationMethod, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
                true);
        var header = ClientPrincipal.Encode(r.UserId, r.Roles, r.Court, r.Name, r.VerifiedIdNumber, r.VerifiedCreditCode, r.VerifiedName,
            r.VerifiedOrganisationName, verification);
        return new ApiResult(new SignInAnswer(header, ClientPrincipal.HeaderName, r.UserId, r.Roles, r.Court));
    }

    /// <summary>
    /// Runs one bank message through the same handler the Service Bus listener uses, settling it with a
    /// receiver that records the outcome, so a bank's developers can test their messages against a local run.
    /// </summary>
    private static async Task<IActionResult> BankMessageAsync(HttpContext context)
    {
        var queue = context.Request.Query["queue"].ToString();
        var delivery = context.RequestServices.GetRequiredService<BankMessageDelivery>();
        var handler = delivery.HandlerOf(queue)
            ?? throw ApiProblem.Validation("queue", "Name a bank queue: " + BankMessageDelivery.Queues(context.RequestServices) + ".");
        // Service Bus premium takes messages up to 100 MB; a busy bank's day of credits is a few MiB.
        var body = await RequestBody.ReadBytesAsync(context.Request, 16 * 1024 * 1024, "A bank message here is at most 16 MiB.");
        var messageId = context.Request.Headers["X-Message-Id"].FirstOrDefault() ?? DerivedMessageId(body);
        var outcome = await delivery.DeliverAsync(handler, body, messageId, context.RequestAborted);
        return new ApiResult(new BankMessageAnswer(outcome.Outcome, outcome.Reason, messageId));
    }

    public sealed record SmsOutboxAnswer(IReadOnlyList<ECourt.Adapters.Communication.LocalSmsOutbox.OutboxMessage> Items);

    /// <summary>The SMS notices of a local run (no SMS gateway exists here), newest first.</summary>
    private static async Task<IActionResult> SmsOutboxAsync(HttpContext context)
    {
        if (context.RequestServices.GetRequiredService<ECourt.Application.ServiceOfProcess.ISmsGateway>()
            is not ECourt.Adapters.Communication.LocalSmsOutbox outbox)
            throw ApiProblem.NotFound("local SMS outbox: an SMS gateway is configured");
        return new ApiResult(new SmsOutboxAnswer(await outbox.ListAsync(100, context.RequestAborted)));
    }

    public sealed record BankMessageAnswer(BankSettlement Outcome, string? Reason, string? MessageId);

    public sealed record ClockAnswer(DateTimeOffset Now, TimeSpan Offset, int? Woken = null);

    /// <summary>POST /api/local/clock: { "advanceDays": N } or { "to": "ISO time" }.</summary>
    public sealed record ClockRequest(int? AdvanceDays, DateTimeOffset? To);

    private static Task<IActionResult> ClockAsync(HttpContext context)
    {
        var clock = context.RequestServices.GetRequiredService<LocalCourtClock>();
        return Task.FromResult<IActionResult>(
            new ApiResult(new ClockAnswer(Domain.Calendar.ChinaTime.ToChinaTime(clock.GetUtcNow()), clock.Offset)));
    }

    /// <summary>Moves court time forward, then wakes every waiting lifecycle and workflow, which keep what fell due.</summary>
    private static async Task<IActionResult> MoveClockAsync(HttpContext context)
    {
        var clock = context.RequestServices.GetRequiredService<LocalCourtClock>();
        var r = await Read<ClockRequest>(context) ?? throw ApiProblem.Malformed("The body is empty.");
        var now = clock.GetUtcNow();
        var to = (r.AdvanceDays, r.To) switch
        {
            ({ } days, null) when days is >= 1 and <= 3650 => now.AddDays(days),
            (null, { } at) when at > now => at,
            (null, { }) => throw ApiProblem.Validation("to", "Court time only moves forward: give a time after now."),
            _ => throw ApiProblem.Validation("advanceDays", "Give advanceDays (1 to 3650) or to (an ISO time after now), not both."),
        };
        await clock.MoveToAsync(to, context.RequestAborted);
        var woken = await CourtClockWakeUp.WakeAllAsync(context.RequestServices.GetRequiredService<DurableTaskClient>(),
            context.RequestAborted);
        return new ApiResult(new ClockAnswer(Domain.Calendar.ChinaTime.ToChinaTime(clock.GetUtcNow()), clock.Offset, woken));
    }

    /// <summary>The message id a bank would set: {bankCode}:{bankTransactionId}, when the body says them.</summary>
    private static string? DerivedMessageId(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("bankCode", out var bank)
                && doc.RootElement.TryGetProperty("bankTransactionId", out var tx)
                && bank.ValueKind == JsonValueKind.String && tx.ValueKind == JsonValueKind.String
                ? $"{bank.GetString()}:{tx.GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
