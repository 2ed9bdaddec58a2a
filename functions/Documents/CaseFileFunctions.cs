using ECourt.Application.Documents;
using ECourt.Domain.Calendar;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Documents;

/// <summary>Online case-file review: the index of the documents the caller may see, and the log of who read the file.</summary>
public sealed class CaseFileFunctions(ApiEndpoint endpoint, CaseFileIndex index, ReadAccessLog accessLog)
{
    /// <param name="Download">the document's download link, relative to the API's host</param>
    public sealed record FileItem(DocumentView Document, string Download);

    public sealed record AccessLogView(DateTimeOffset At, string UserId, string Role, string What, string? DocumentId);

    [ApiOperation("documents", "The case file: every document the caller may see, with its download link.",
        Response = typeof(ListAnswer<FileItem>), Problems = [401, 403, 404],
        Description = "Online case-file review for the case's parties and their representatives (their own side's documents, and of "
            + "the other side's those served on them or exchanged, never a private one) and the case's team at the court. The view "
            + "is written to the case's access log (who, when) before it is answered; so is every download.")]
    [Function("CaseFile")]
    public Task<IActionResult> File([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/file")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "CaseFile", caseId, async grant =>
        {
            var documents = await index.RunAsync(grant, req.HttpContext.RequestAborted);
            var c = grant.Case;
            return new ApiResult(new ListAnswer<FileItem>(documents.Select(d => new FileItem(
                DocumentView.From(d, CaseViews.SeesUploaderOf(grant, d, c)), $"/api/cases/{caseId}/documents/{d.DocumentId}")).ToList(),
                null));
        });

    [ApiOperation("documents", "Who viewed the case file or downloaded its documents, and when, oldest first.",
        Response = typeof(ListAnswer<AccessLogView>), Problems = [400, 401, 403, 404], Paged = true,
        Description = "For the case's team at the court (its assigned judge and clerk, the head of its division, the president; "
            + "before assignment, the court's case staff): every view of the case-file index and every download of a document, with "
            + "the account, the role it acted in and the time.")]
    [Function("CaseAccessLog")]
    public Task<IActionResult> Log([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{caseId}/access-log")] HttpRequest req,
        string caseId) =>
        endpoint.OnCase(req, "CaseAccessLog", caseId, async grant =>
        {
            var (pageSize, token) = Paging.Read(req);
            var page = await accessLog.RunAsync(grant, pageSize, token, req.HttpContext.RequestAborted);
            return new ApiResult(new ListAnswer<AccessLogView>(page.Items.Select(e => new AccessLogView(ChinaTime.ToChinaTime(e.At),
                e.UserId, e.Role, e.What, e.DocumentId)).ToList(), page.ContinuationToken));
        });
}
