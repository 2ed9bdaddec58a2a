using System.Buffers;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using ECourt.Application.Requests;
using ECourt.Domain.Documents;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ECourt.Functions.Http;

/// <summary>
/// Idempotency-Key on the writes flagged <c>[ApiOperation(Idempotent = true)]</c> (the flag the API document publishes the
/// header from): once the caller may call the route, the request's fingerprint (its body, its media type, If-Match, its
/// query and the headers its operation declares) goes with the key to <see cref="IdempotentRequests"/>, and the work runs
/// only for the request that claims the key. Its answer, rendered to status, headers and bytes, is what this request and
/// every repeat are sent. A request without the header costs one header lookup: no body is buffered, nothing is stored.
/// </summary>
public sealed class IdempotentWrites(IdempotentRequests requests, ILogger<IdempotentWrites> log)
{
    /// <summary>The largest body any route reads (an upload); a larger one is refused before it is buffered whole.</summary>
    public static readonly long MaxBodyBytes = Math.Max(RequestBody.MaxJsonBytes, DocumentFormat.MaxUploadBytes);

    /// <summary>What ASP.NET Core keeps in memory of a buffered body; the rest of a large upload goes to a temporary file.</summary>
    private const int BufferInMemory = 128 * 1024;

    /// <summary>The flagged operations, each with the request headers that carry its data (an upload's kind and file name).</summary>
    private static readonly FrozenDictionary<string, string[]> Flagged = ApiDocument.Operations.Where(o => o.Api.Idempotent)
        .GroupBy(o => o.OperationId)
        .ToFrozenDictionary(g => g.Key, g => g.First().Parameters.Where(p => p.In == "header").Select(p => p.Name).ToArray());

    /// <summary>True when the request sent a key to an operation that takes one.</summary>
    public static bool Applies(HttpRequest request, string function) =>
        request.Headers.ContainsKey(IdempotencyKey.HeaderName) && Flagged.ContainsKey(function);

    /// <param name="work">the operation, answering its refusals and failures as problem details rather than throwing them</param>
    public async Task<IActionResult> RunAsync(HttpRequest request, string function, string callerId, Func<Task<IActionResult>> work)
    {
        var key = IdempotencyKey.Read(request)!;
        var fingerprint = await FingerprintAsync(request, Flagged[function]);
        var scoped = IdempotentRequests.KeyOf(callerId, request.Method, request.Path.Value ?? "", key);
        switch (await requests.StartAsync(scoped, fingerprint, request.HttpContext.RequestAborted))
        {
            case IdempotentRequests.Replay replay:
                return new RecordedResult(replay.Answer);
            case IdempotentRequests.Reused:
                throw new ApiProblem(422, ApiProblem.TypePrefix + "idempotency-key-reused",
                    "The Idempotency-Key was used for another request.",
                    "This key was first sent with another body or other headers on this route; send a new key for a new request.");
            case IdempotentRequests.Claimed claim:
                return await RunClaimedAsync(claim, request, work);
            default:
                throw new ApiProblem(409, ApiProblem.TypePrefix + "idempotency-key-in-use",
                    "A request with this Idempotency-Key is running.",
                    "The first request with this key has not been answered yet; repeat it in a moment to get its answer.",
                    headers: new Dictionary<string, string> { ["Retry-After"] = "1" });
        }
    }

    private async Task<IActionResult> RunClaimedAsync(IdempotentRequests.Claimed claim, HttpRequest request, Func<Task<IActionResult>> work)
    {
        RecordedAnswer answer;
        try
        {
            answer = await RenderAsync(await work(), request.HttpContext.RequestServices);
        }
        catch
        {
            await requests.ReleaseAsync(claim);
            throw;
        }
        await SettleAsync(claim, answer, request);
        return new RecordedResult(answer);
    }

    /// <summary>
    /// A 2xx or 4xx answer is kept for repeats; a 5xx is not (the claim is dropped and the retry runs again). If the store
    /// fails here, the work is done all the same and its answer goes to the caller; a repeat then waits out the lease and runs
    /// again, which the use cases answer as a repeat of what is already done.
    /// </summary>
    private async Task SettleAsync(IdempotentRequests.Claimed claim, RecordedAnswer answer, HttpRequest request)
    {
        try
        {
            if (answer.Status >= 500) await requests.ReleaseAsync(claim);
            else if (!await requests.KeepAsync(claim, answer))
                log.LogWarning("{Method} {Path} outlived its Idempotency-Key's lease; its answer is not kept", request.Method,
                    request.Path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The answer to {Method} {Path} could not be kept for its Idempotency-Key", request.Method, request.Path);
        }
    }

    /// <summary>
    /// The same request is the same bytes with the same headers that carry data. The body is buffered so that the function
    /// reads it again; a body over <see cref="MaxBodyBytes"/> is refused here, before it is all read.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, string[] dataHeaders)
    {
        if (request.ContentLength > MaxBodyBytes) throw TooLarge();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new StringBuilder().Append(request.ContentType).Append('\n').Append(request.Headers.IfMatch.ToString()).Append('\n')
            .Append(request.QueryString.Value).Append('\n');
        foreach (var name in dataHeaders) head.Append(name).Append(':').Append(request.Headers[name].ToString()).Append('\n');
        hash.AppendData(Encoding.UTF8.GetBytes(head.ToString()));
        request.EnableBuffering(BufferInMemory);
        var chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if ((total += read) > MaxBodyBytes) throw TooLarge();
                hash.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static ApiProblem TooLarge() => ApiProblem.TooLarge($"A request body is at most {MaxBodyBytes / (1024 * 1024)} MiB.");

    /// <summary>The answer as the client would receive it.</summary>
    private static async Task<RecordedAnswer> RenderAsync(IActionResult result, IServiceProvider? services)
    {
        var context = new DefaultHttpContext { RequestServices = services! };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var headers = context.Response.Headers
            .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && !h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            .Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())).ToList();
        return new RecordedAnswer(context.Response.StatusCode, headers, body.ToArray());
    }
}

/// <summary>An answer kept for an Idempotency-Key, sent as it was first sent.</summary>
public sealed class RecordedResult(RecordedAnswer answer) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers) response.Headers[name] = value;
        response.ContentLength = answer.Body.Length;
        if (answer.Body.Length > 0) await response.Body.WriteAsync(answer.Body, context.HttpContext.RequestAborted);
    }
}
