using ECourt.Application.ServiceOfProcess;
using ECourt.Domain.Calendar;
using ECourt.Domain.ServiceOfProcess;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.ServiceOfProcess;

/// <summary>
/// The caller's platform inbox. Opening an item is the read receipt: for an address the court found itself, that is
/// what completes service. A notice's link carries a signed, expiring token naming the item; it is refused when changed
/// or expired, and opens the item only for its recipient.
/// </summary>
public sealed class InboxFunctions(ApiEndpoint endpoint, ListInbox list, OpenInboxItem open)
{
    public sealed record InboxItemView(string ItemId, string CaseId, string? CaseNumber, string Title, ServedDocumentKind Kind,
        string DocumentId,
        DateTimeOffset DeliveredAt, DateTimeOffset? ReadAt, string DocumentUrl);

    private static InboxItemView View(InboxItem i) => new(i.ItemId, i.CaseId, i.CaseNumber, i.Title, i.Kind, i.DocumentId,
        ChinaTime.ToChinaTime(i.DeliveredAt), i.ReadAt is { } r ? ChinaTime.ToChinaTime(r) : null,
            $"/api/cases/{i.CaseId}/documents/{i.DocumentId}");

    [ApiOperation("service", "The caller's platform inbox, newest first.", Response = typeof(ListAnswer<InboxItemView>),
        Problems = [400, 401], Paged = true, Headers = ["ETag"],
        Description = "Any signed-in caller's platform inbox: the documents served on it electronically, newest first, each with when it "
            + "was delivered and read. Listing is not reading: open an item with GET /api/inbox/items/{itemId}, which is the read "
            + "receipt.")]
    [Function("ListInbox")]
    public Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox")] HttpRequest req) =>
        endpoint.SignedIn(req, "ListInbox", async caller =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await list.RunAsync(caller, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<InboxItemView>(page.Items.Select(View).ToList(), page.ContinuationToken));
        });

    [ApiOperation("service", "Open an item of the caller's inbox; the first opening is the read receipt.", Response = typeof(InboxItemView),
        Problems = [401, 404], Headers = ["ETag"],
        Description = "The caller opens an item of its own inbox (another's is 404). The first opening is the read receipt, recorded as "
            + "evidence on the service: for an address the court found itself it is what completes service, and the party's periods run "
            + "from it. Download the document from `documentUrl`.")]
    [Function("OpenInboxItem")]
    public Task<IActionResult> Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/items/{itemId}")] HttpRequest req,
        string itemId) =>
        endpoint.SignedIn(req, "OpenInboxItem", async caller => new ApiResult(View(await open.ByIdAsync(caller, itemId,
            req.HttpContext.RequestAborted))));

    [ApiOperation("service", "Open the item a notice's link names; refused when the link was changed (403) or has expired (410).",
        Response = typeof(InboxItemView), Problems = [400, 401, 403, 404, 410], Headers = ["ETag"],
        Description = "The inbox item an SMS or email notice's link names, for its recipient signed in; `t` is the link's signed, "
            + "expiring token. A changed token is 403 link-invalid and an expired one 410 link-expired: open the document from the inbox "
            + "instead. Opening is the read receipt, as with GET /api/inbox/items/{itemId}.")]
    [ApiParameter("t", "query", "The signed token of the notice's link.", Required = true)]
    [Function("OpenInboxLink")]
    public Task<IActionResult> OpenLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/open")] HttpRequest req) =>
        endpoint.SignedIn(req, "OpenInboxLink", async caller => new ApiResult(View(await open.ByLinkAsync(caller, req.Query["t"],
            req.HttpContext.RequestAborted))));
}
