using ECourt.Domain.Ports;
using ECourt.Domain.Service;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Orchestrations.Service;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ECourt.Functions.Service;

/// <summary>
/// The caller's platform inbox. Opening an item is the read receipt: for an address the court found
/// itself, that is what completes service. A notice's link carries a signed, expiring token naming the
/// item; it is refused when changed or expired, and opens the item only for its recipient.
/// </summary>
public sealed class InboxFunctions(ApiEndpoint endpoint, IInbox inbox, ServiceDispatch dispatch, ServiceOptions options, TimeProvider clock)
{
    public sealed record InboxItemView(string ItemId, string CaseId, string? CaseNumber, string Title, string Kind, string DocumentId, DateTimeOffset DeliveredAt,
        DateTimeOffset? ReadAt, string DocumentUrl);

    private static InboxItemView View(InboxItem i) => new(i.ItemId, i.CaseId, i.CaseNumber, i.Title, i.Kind.ToString(), i.DocumentId,
        Domain.Calendar.ChinaTime.ToChinaTime(i.DeliveredAt), i.ReadAt is { } r ? Domain.Calendar.ChinaTime.ToChinaTime(r) : null,
        $"/api/cases/{i.CaseId}/documents/{i.DocumentId}");

    [Function("ListInbox")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox")] HttpRequest req) =>
        endpoint.SignedIn(req, async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await inbox.ListAsync(caller.Id, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new CaseFunctions.ListAnswer<InboxItemView>(page.Items.Select(View).ToList(), page.ContinuationToken));
        });

    [Function("OpenInboxItem")]
    public Task<IActionResult> Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/items/{itemId}")] HttpRequest req, string itemId,
        [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller => await OpenAsync(caller.Id, itemId, client, req.HttpContext.RequestAborted));

    [Function("OpenInboxLink")]
    public Task<IActionResult> OpenLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/open")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        endpoint.SignedIn(req, async caller =>
        {
            if (string.IsNullOrEmpty(req.Query["t"])) throw ApiProblem.Validation("t", "The signed token of the notice's link is required.");
            var (check, itemId) = DocumentLinkToken.Verify(options.LinkKeyBytes(), req.Query["t"].ToString(), clock.GetUtcNow());
            return check switch
            {
                DocumentLinkToken.Check.Valid => await OpenAsync(caller.Id, itemId!, client, req.HttpContext.RequestAborted),
                DocumentLinkToken.Check.Expired => throw new ApiProblem(410, ApiProblem.TypePrefix + "link-expired", "The link has expired.",
                    "Sign in to the portal and open the document from your inbox."),
                _ => throw new ApiProblem(403, ApiProblem.TypePrefix + "link-invalid", "The link is not valid.", "The link was changed or was not issued by the court."),
            };
        });

    private async Task<IActionResult> OpenAsync(string userId, string itemId, DurableTaskClient client, CancellationToken ct)
    {
        var item = await inbox.GetAsync(userId, itemId, ct) ?? throw ApiProblem.NotFound("such item in your inbox");
        var now = clock.GetUtcNow();
        var read = await inbox.MarkReadAsync(item, now, ct);
        if (item.ReadAt is null)
            // The read receipt is evidence for every electronic step of this service: on a found address it completes service.
            await dispatch.ChangeAsync(client, item.CaseId, item.ServiceId, r =>
            {
                var electronic = r.Attempts.Where(a => a.Method is ServiceMethod.Sms or ServiceMethod.Email or ServiceMethod.Inbox).Select(a => a.Step).LastOrDefault(-1);
                return electronic < 0 ? null : r.WithEvidence(electronic, ServiceEvidenceKind.Read, now, "opened in the platform inbox");
            }, "read", ct);
        return new ApiResult(View(read));
    }
}
