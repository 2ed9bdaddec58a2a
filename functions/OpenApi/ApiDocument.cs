using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;

namespace ECourt.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the API. Schemas are exported from the very records the functions read
/// and write, with the API's JSON settings, so they cannot drift from the code; a contract test keeps
/// the operations equal to the HTTP functions that exist.
/// </summary>
public static class ApiDocument
{
    public sealed record Operation(string Method, string Path, string OperationId, string Tag, string Summary, bool Public,
        IReadOnlyList<(string Name, string In, bool Required, string Description)> Parameters,
        Type? RequestBody, string? RawBodyMediaTypes, Type? Response, int SuccessStatus, IReadOnlyList<int> Problems);

    private static (string, string, bool, string) Q(string name, string description, bool required = false) => (name, "query", required, description);
    private static (string, string, bool, string) P(string name, string description) => (name, "path", true, description);
    private static readonly (string, string, bool, string) CaseIdParam = P("caseId", "The case's id: cs and 24 hex digits.");
    private static readonly (string, string, bool, string) IfMatch = ("If-Match", "header", false, "The case's ETag, to refuse the change if the case changed since.");
    private static readonly (string, string, bool, string) Key = ("Idempotency-Key", "header", false, "A repeat with the same key returns the first result and changes nothing.");
    private static readonly (string, string, bool, string)[] Page = [Q("pageSize", "1 to 100, default 50."), Q("continuationToken", "From the previous page.")];

    public static readonly IReadOnlyList<Operation> Operations =
    [
        new("get", "/api/fees/quote", "FeeQuote", "fees", "The fee for a case (Measures on Payment of Litigation Costs).", true,
            [Q("caseType", "property, divorce, personality, other-non-property, ip, labour, administrative, administrative-special, jurisdiction-objection, enforcement, preservation", true),
             Q("amount", "Yuan with at most two decimals, where the schedule uses one."), Q("procedure", "ordinary (default), simplified, small-claims."), Q("court", "A court of this deployment; default the deployment's court.")],
            null, null, typeof(Fees.FeeQuoteFunction.FeeQuoteView), 200, [400]),
        new("get", "/api/calendar/deadline", "CalendarDeadline", "calendar", "The last day of a period that starts the day after start (CPL art. 85).", true,
            [Q("start", "yyyy-MM-dd", true), Q("period", "1 to 3650", true), Q("unit", "days (default), working-days, months.")],
            null, null, typeof(Calendar.DeadlineFunction.DeadlineAnswer), 200, [400]),
        new("post", "/api/cases", "CreateFiling", "filing", "Create a filing as a Draft.", false, [Key],
            typeof(Application.Filing.FilingRequest), null, typeof(CaseView), 201, [400, 401, 403, 413, 415, 422]),
        new("get", "/api/cases", "ListCases", "cases", "The caller's cases.", false, [.. Page],
            null, null, typeof(ListAnswer<CaseFunctions.CaseSummary>), 200, [400, 401]),
        new("get", "/api/cases/{caseId}", "GetCase", "cases", "A case with its parties, fee notice, deadlines, documents and events.", false, [CaseIdParam],
            null, null, typeof(CaseView), 200, [401, 404]),
        new("post", "/api/cases/{caseId}/submit", "SubmitFiling", "filing", "Submit a draft for review; refused without a complaint document.", false, [CaseIdParam, IfMatch],
            null, null, typeof(CaseView), 200, [401, 403, 404, 409, 412, 422]),
        new("post", "/api/cases/{caseId}/corrections", "SubmitCorrections", "filing", "Answer a correction request; the review period starts again.", false, [CaseIdParam, IfMatch],
            typeof(Application.Filing.CorrectionsRequest), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412, 415, 422]),
        new("post", "/api/cases/{caseId}/fee-aid", "ApplyForFeeAid", "fees", "Apply to defer, reduce or waive the fee.", false, [CaseIdParam, IfMatch],
            typeof(Application.Fees.FeeAidRequest), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412, 415, 422]),
        new("post", "/api/cases/{caseId}/fee-aid/decision", "DecideFeeAid", "fees", "A judge decides a fee aid application.", false, [CaseIdParam, IfMatch],
            typeof(Application.Fees.FeeAidDecisionRequest), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412, 415, 422]),
        new("get", "/api/review-queue", "ReviewQueue", "review", "Filings waiting for review in the clerk's court, oldest first.", false, [.. Page],
            null, null, typeof(ListAnswer<Filing.ReviewFunctions.QueueItem>), 200, [400, 401, 403]),
        new("post", "/api/cases/{caseId}/review", "ReviewFiling", "review", "The clerk's decision: accept (register), reject, or correct.", false, [CaseIdParam, IfMatch],
            typeof(Application.Filing.ReviewRequest), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412, 415, 422]),
        new("post", "/api/cases/{caseId}/withdrawal-ruling", "WithdrawalRuling", "fees", "Rule an unpaid case withdrawn (FeeOverdue → DeemedWithdrawn).", false, [CaseIdParam, IfMatch],
            typeof(Application.Fees.WithdrawalRulingRequest), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412]),
        new("post", "/api/cases/{caseId}/documents", "UploadDocument", "documents", "Upload a document as the raw body.", false,
            [CaseIdParam, Key, ("X-File-Name", "header", true, "The file name, percent-encoded UTF-8."), ("X-Document-Kind", "header", true, "complaint, evidence, identity, power-of-attorney, fee-aid-application, other")],
            null, "application/pdf,application/ofd,image/jpeg,image/png", typeof(Documents.DocumentFunctions.UploadedDocument), 201, [400, 401, 403, 404, 409, 413, 415, 422]),
        new("get", "/api/cases/{caseId}/documents/{documentId}", "DownloadDocument", "documents", "The document's bytes, after checking the SHA-256 recorded at upload.", false,
            [CaseIdParam, P("documentId", "The document's id.")], null, null, null, 200, [401, 404, 500]),
        new("get", "/api/cases/{caseId}/ledger", "GetLedger", "fees", "The case account: every entry with the bank's transaction id, and the balance.", false, [CaseIdParam],
            null, null, typeof(Fees.FeeLedgerFunctions.LedgerView), 200, [401, 404]),
        new("get", "/api/suspense", "ListSuspense", "finance", "Deposits that matched no open case, oldest first, with their claim deadline (3 working days) and overdue flag.", false, [.. Page],
            null, null, typeof(ListAnswer<Payments.SuspenseFunctions.SuspenseItem>), 200, [400, 401, 403]),
        new("post", "/api/suspense/{entryId}/claim", "ClaimSuspense", "finance", "Claim a deposit to its case: booked to the case's ledger once, then marked claimed.", false,
            [P("entryId", "{bankCode}:{bankTransactionId}")], typeof(Application.Payments.ClaimSuspense.Request), null, typeof(Payments.SuspenseFunctions.ClaimAnswer), 200, [400, 401, 403, 404, 409, 415]),
        new("post", "/api/cases/{caseId}/procedure", "ConvertProcedure", "cases",
            "A judge converts a simplified or small-claims case to ordinary procedure, with reasons; the acceptance fee becomes the full fee (a top-up).", false,
            [CaseIdParam, IfMatch], typeof(Application.Fees.ConvertProcedure.Request), null, typeof(CaseView), 200, [400, 401, 403, 404, 409, 412, 415, 422]),
        new("post", "/api/cases/{caseId}/service", "ServeDocument", "service",
            "Serve a document of the case on a party: into the party's inbox, with SMS or email notices along the party's route, then post, then public notice. Once per document and party.", false,
            [CaseIdParam], typeof(Application.ServiceOfProcess.ServeDocument.Request), null, typeof(ServiceOfProcess.ServiceFunctions.ServiceView), 202, [400, 401, 403, 404, 409, 415]),
        new("get", "/api/cases/{caseId}/service", "ListService", "service", "Every service of the case's documents, with its channel, attempts, evidence and certificate.", false,
            [CaseIdParam], null, null, typeof(ServiceOfProcess.ServiceFunctions.ServiceList), 200, [401, 404]),
        new("post", "/api/cases/{caseId}/service/{serviceId}/postal-result", "RecordPostalResult", "service",
            "The clerk records what became of a posted document: received, or returned (served if returned from a confirmed address).", false,
            [CaseIdParam, P("serviceId", "{documentId}-p{partyNumber}")], typeof(Application.ServiceOfProcess.RecordPostalResult.Request), null,
            typeof(ServiceOfProcess.ServiceFunctions.ServiceView), 200, [400, 401, 403, 404, 409, 415]),
        new("post", "/api/cases/{caseId}/service/{serviceId}/public-notice", "OrderPublicNotice", "service",
            "The judge orders service by public notice, with reasons, once other means failed; not in simplified or small-claims procedure. Deemed served 30 days after the last posting.", false,
            [CaseIdParam, P("serviceId", "{documentId}-p{partyNumber}")], typeof(Application.ServiceOfProcess.OrderPublicNotice.Request), null,
            typeof(ServiceOfProcess.ServiceFunctions.ServiceView), 200, [400, 401, 403, 404, 415, 422]),
        new("get", "/api/inbox", "ListInbox", "service", "The caller's platform inbox, newest first.", false, [.. Page],
            null, null, typeof(ListAnswer<ServiceOfProcess.InboxFunctions.InboxItemView>), 200, [400, 401]),
        new("get", "/api/inbox/items/{itemId}", "OpenInboxItem", "service", "Open an item of the caller's inbox; the first opening is the read receipt.", false,
            [P("itemId", "The item's id.")], null, null, typeof(ServiceOfProcess.InboxFunctions.InboxItemView), 200, [401, 404]),
        new("get", "/api/inbox/open", "OpenInboxLink", "service", "Open the item a notice's link names; refused when the link was changed (403) or has expired (410).", false,
            [Q("t", "The signed token of the notice's link.", true)], null, null, typeof(ServiceOfProcess.InboxFunctions.InboxItemView), 200, [401, 403, 404, 410]),
        new("get", "/api/service-certificates/{certificateId}", "GetServiceCertificate", "service", "A signed electronic service certificate, for those who may see its case.", false,
            [P("certificateId", "{caseId}-{serviceId}")], null, null, typeof(ServiceOfProcess.CertificateFunctions.CertificateDocument), 200, [401, 404]),
        new("get", "/api/service-certificates/{certificateId}/verify", "VerifyServiceCertificate", "service",
            "Checks the court's signature over a certificate and that the served document still has the certificate's SHA-256.", true,
            [P("certificateId", "{caseId}-{serviceId}")], null, null, typeof(ServiceOfProcess.CertificateFunctions.Verification), 200, [404]),
        new("post", "/api/events/communication", "CommunicationEvents", "service",
            "Event Grid webhook for Communication Services delivery reports (Event Grid schema); answers the validation handshake; needs the webhook key.", true,
            [Q("key", "The webhook key (or the X-ECourt-Webhook-Key header).")], null, "application/json", typeof(ServiceOfProcess.DeliveryReportFunctions.ReportsAnswer), 200, [400, 401, 413]),
        new("get", "/api/reconciliation/{bankCode}/{date}", "GetReconciliation", "finance",
            "A bank's statement for one China-time day compared with the court's books: matches, credits missing from the ledger or the statement, amount and account differences.", false,
            [P("bankCode", "The bank's code, e.g. ICBC."), P("date", "The China-time booking date, yyyy-MM-dd."), Q("mismatchesOnly", "true: only the lines that differ."), .. Page],
            null, null, typeof(Payments.ReconciliationFunctions.ReconciliationView), 200, [400, 401, 403, 404]),
        new("post", "/api/reconciliation/{bankCode}/{date}/rerun", "RerunReconciliation", "finance",
            "Reconcile the stored statement again with the books as they are now (a credit that arrived after its day was reconciled).", false,
            [P("bankCode", "The bank's code, e.g. ICBC."), P("date", "The China-time booking date, yyyy-MM-dd.")],
            null, null, typeof(Payments.ReconciliationFunctions.ReconciliationView), 200, [400, 401, 403, 404]),
        new("get", "/api/openapi.json", "OpenApiDocument", "meta", "This document.", true, [], null, null, null, 200, []),
    ];

    private static readonly Lazy<string> Json = new(Build);

    public static string Text => Json.Value;

    private static string Build()
    {
        var schemas = new JsonObject();
        string Ref(Type t)
        {
            var name = SchemaName(t);
            if (!schemas.ContainsKey(name)) schemas[name] = ApiJson.Options.GetJsonSchemaAsNode(t, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            return "#/components/schemas/" + name;
        }
        JsonObject Content(string mediaType, string reference) => new() { [mediaType] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = reference } } };

        var paths = new JsonObject();
        foreach (var op in Operations)
        {
            var responses = new JsonObject();
            var success = new JsonObject { ["description"] = op.SuccessStatus == 201 ? "Created" : "OK" };
            if (op.Response is not null) success["content"] = Content("application/json", Ref(op.Response));
            responses[op.SuccessStatus.ToString()] = success;
            foreach (var status in op.Problems)
                responses[status.ToString()] = new JsonObject { ["description"] = ProblemDescription(status), ["content"] = Content("application/problem+json", Ref(typeof(ProblemBody))) };

            var operation = new JsonObject
            {
                ["operationId"] = op.OperationId,
                ["tags"] = new JsonArray(op.Tag),
                ["summary"] = op.Summary,
                ["parameters"] = new JsonArray(op.Parameters.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["in"] = p.In,
                    ["required"] = p.Required,
                    ["description"] = p.Description,
                    ["schema"] = new JsonObject { ["type"] = "string" },
                }).ToArray()),
                ["responses"] = responses,
            };
            if (!op.Public) operation["security"] = new JsonArray(new JsonObject { ["entraToken"] = new JsonArray() });
            if (op.RequestBody is not null)
                operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Content("application/json", Ref(op.RequestBody)) };
            else if (op.RawBodyMediaTypes is not null)
            {
                var content = new JsonObject();
                foreach (var mediaType in op.RawBodyMediaTypes.Split(','))
                    content[mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } };
                operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
            }
            var item = paths[op.Path] as JsonObject ?? new JsonObject();
            item[op.Method] = operation;
            paths[op.Path] = item;
        }

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ECourt API",
                ["version"] = "1.0",
                ["description"] = "The online court's API for the portal, the mobile app and court staff. Money is a string in yuan with two decimals; times are ISO 8601 in court time (UTC+08:00).",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["entraToken"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A Microsoft Entra access token for the court's API (api://<client id>/access_as_user); roles are its app roles.",
                    },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ApiJson.Options.Encoder });
    }

    private static string SchemaName(Type t) => t.IsGenericType
        ? t.Name[..t.Name.IndexOf('`')] + "Of" + string.Concat(t.GetGenericArguments().Select(SchemaName))
        : t.Name;

    private static string ProblemDescription(int status) => status switch
    {
        400 => "Malformed, or a field is missing or wrong (errors names the fields).",
        401 => "No identity.",
        403 => "Not allowed for the caller's role.",
        404 => "Not found, or not visible to the caller.",
        409 => "The case's state does not allow this (names the state and the action).",
        412 => "Stale If-Match.",
        413 => "Too large.",
        415 => "Wrong media type, or content that is not what it says.",
        422 => "A rule refused it (the rule's name in type).",
        _ => "Failure.",
    };
}
