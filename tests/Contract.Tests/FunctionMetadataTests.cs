using System.Text.Json;
using ECourt.Functions.OpenApi;
using ECourt.LocalHost;
using ECourt.Orchestrations;
using Microsoft.DurableTask;

namespace ECourt.Contract.Tests;

/// <summary>The Worker SDK's generated functions.metadata is the contract with the Functions host.</summary>
public class FunctionMetadataTests
{
    public sealed record Declared(string Name, string Trigger, string? Route, string[] Methods);

    private static IReadOnlyList<Declared> Metadata()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repository.FunctionsMetadata));
        return doc.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("direction").GetString() == "In"
                && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new Declared(
                f.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var r) ? r.GetString() : null,
                trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x =>
                    x.GetString()!.ToUpperInvariant()).ToArray() : []);
        }).ToList();
    }

    private static readonly Declared[] Expected =
    [
        new("FeeQuote", "httpTrigger", "fees/quote", ["GET"]),
        new("CalendarDeadline", "httpTrigger", "calendar/deadline", ["GET"]),
        new("GetCalendar", "httpTrigger", "calendars/{year}", ["GET"]),
        new("LinkPartyAccount", "httpTrigger", "cases/{caseId}/party-link", ["POST"]),
        new("RecordIdentityCheck", "httpTrigger", "cases/{caseId}/parties/{partyNumber}/identity-checks", ["POST"]),
        new("IssueLinkCode", "httpTrigger", "cases/{caseId}/parties/{partyNumber}/link-code", ["POST"]),
        new("AcceptRepresentative", "httpTrigger", "cases/{caseId}/parties/{partyNumber}/representatives/{userId}/acceptance", ["POST"]),
        new("ConfirmContractConsent", "httpTrigger", "cases/{caseId}/parties/{partyNumber}/consent-confirmation", ["POST"]),
        new("PublishCalendar", "httpTrigger", "calendars/{year}", ["PUT"]),
        new("CreateFiling", "httpTrigger", "cases", ["POST"]),
        new("ListCases", "httpTrigger", "cases", ["GET"]),
        new("GetCase", "httpTrigger", "cases/{caseId}", ["GET"]),
        new("SubmitFiling", "httpTrigger", "cases/{caseId}/submit", ["POST"]),
        new("SubmitCorrections", "httpTrigger", "cases/{caseId}/corrections", ["POST"]),
        new("ApplyForFeeAid", "httpTrigger", "cases/{caseId}/fee-aid", ["POST"]),
        new("DecideFeeAid", "httpTrigger", "cases/{caseId}/fee-aid/decision", ["POST"]),
        new("ReviewQueue", "httpTrigger", "review-queue", ["GET"]),
        new("ReviewFiling", "httpTrigger", "cases/{caseId}/review", ["POST"]),
        new("WithdrawalRuling", "httpTrigger", "cases/{caseId}/withdrawal-ruling", ["POST"]),
        new("UploadDocument", "httpTrigger", "cases/{caseId}/documents", ["POST"]),
        new("DownloadDocument", "httpTrigger", "cases/{caseId}/documents/{documentId}", ["GET"]),
        new("OpenApiDocument", "httpTrigger", "openapi.json", ["GET"]),
        new("ApiReference", "httpTrigger", "docs", ["GET"]),
        new("ApiReferenceScript", "httpTrigger", "docs/scalar.js", ["GET"]),
        new("GetLedger", "httpTrigger", "cases/{caseId}/ledger", ["GET"]),
        new("ListSuspense", "httpTrigger", "suspense", ["GET"]),
        new("ClaimSuspense", "httpTrigger", "suspense/{entryId}/claim", ["POST"]),
        new("ReleaseSuspense", "httpTrigger", "suspense/{entryId}/release", ["POST"]),
        new("GetReconciliation", "httpTrigger", "reconciliation/{bankCode}/{date}", ["GET"]),
        new("RerunReconciliation", "httpTrigger", "reconciliation/{bankCode}/{date}/rerun", ["POST"]),
        new("CaseLifecycle", "orchestrationTrigger", null, []),
        new("GetCaseProgress", "activityTrigger", null, []),
        new("KeepDeadline", "activityTrigger", null, []),
        new("RecordLifecycleStall", "activityTrigger", null, []),
        new("ClearLifecycleStall", "activityTrigger", null, []),
        new("SweepLifecycles", "timerTrigger", null, []),
        new("PurgeIdempotencyKeys", "timerTrigger", null, []),
        new("ListStaff", "httpTrigger", "staff", ["GET"]),
        new("RegisterStaff", "httpTrigger", "staff/{userId}", ["PUT"]),
        new("AssignCase", "httpTrigger", "cases/{caseId}/assignment", ["POST"]),
        new("CaseFile", "httpTrigger", "cases/{caseId}/file", ["GET"]),
        new("CaseAccessLog", "httpTrigger", "cases/{caseId}/access-log", ["GET"]),
        new("ListLifecycleProblems", "httpTrigger", "operations/lifecycles", ["GET"]),
        new("RestartLifecycle", "httpTrigger", "operations/lifecycles/{caseId}/restart", ["POST"]),
        new("RelayCaseSignal", "queueTrigger", null, []),
        new("ServeDocument", "httpTrigger", "cases/{caseId}/service", ["POST"]),
        new("ConvertProcedure", "httpTrigger", "cases/{caseId}/procedure", ["POST"]),
        new("ListService", "httpTrigger", "cases/{caseId}/service", ["GET"]),
        new("RecordPostalResult", "httpTrigger", "cases/{caseId}/service/{serviceId}/postal-result", ["POST"]),
        new("OrderPublicNotice", "httpTrigger", "cases/{caseId}/service/{serviceId}/public-notice", ["POST"]),
        new("ListInbox", "httpTrigger", "inbox", ["GET"]),
        new("OpenInboxItem", "httpTrigger", "inbox/items/{itemId}", ["GET"]),
        new("OpenInboxLink", "httpTrigger", "inbox/open", ["GET"]),
        new("GetServiceCertificate", "httpTrigger", "service-certificates/{certificateId}", ["GET"]),
        new("SetEvidencePeriod", "httpTrigger", "cases/{caseId}/evidence-period", ["POST"]),
        new("SubmitEvidence", "httpTrigger", "cases/{caseId}/evidence", ["POST"]),
        new("ListEvidence", "httpTrigger", "cases/{caseId}/evidence", ["GET"]),
        new("FileCrossExaminationOpinion", "httpTrigger", "cases/{caseId}/evidence/{evidenceId}/opinions", ["POST"]),
        new("OrderEvidenceExchange", "httpTrigger", "cases/{caseId}/evidence/exchange", ["POST"]),
        new("RuleOnLateEvidence", "httpTrigger", "cases/{caseId}/evidence/{evidenceId}/admission", ["POST"]),
        new("VerifyEvidence", "httpTrigger", "cases/{caseId}/evidence/verify", ["GET"]),
        new("DownloadEvidenceBundle", "httpTrigger", "cases/{caseId}/evidence/bundle", ["GET"]),
        new("ApplyForExtension", "httpTrigger", "cases/{caseId}/extensions", ["POST"]),
        new("DecideExtension", "httpTrigger", "cases/{caseId}/extensions/{extensionId}/decision", ["POST"]),
        new("FileAnswer", "httpTrigger", "cases/{caseId}/answers", ["POST"]),
        new("PreviewRedaction", "httpTrigger", "judgments/redaction-preview", ["POST"]),
        new("ChooseOnlineProceedings", "httpTrigger", "cases/{caseId}/parties/{partyNumber}/online-consent", ["POST"]),
        new("ObjectToJurisdiction", "httpTrigger", "cases/{caseId}/jurisdiction-objections", ["POST"]),
        new("ScheduleHearing", "httpTrigger", "cases/{caseId}/hearings", ["POST"]),
        new("PostponeHearing", "httpTrigger", "cases/{caseId}/hearings/{hearingId}/postpone", ["POST"]),
        new("CancelHearing", "httpTrigger", "cases/{caseId}/hearings/{hearingId}/cancel", ["POST"]),
        new("RecordHearing", "httpTrigger", "cases/{caseId}/hearings/{hearingId}/record", ["POST"]),
        new("HearingCalendar", "httpTrigger", "hearings", ["GET"]),
        new("JoinHearing", "httpTrigger", "cases/{caseId}/hearings/{hearingId}/join", ["GET"]),
        new("IssueJudgment", "httpTrigger", "cases/{caseId}/judgments", ["POST"]),
        new("FileAppeal", "httpTrigger", "cases/{caseId}/appeals", ["POST"]),
        new("GetPublication", "httpTrigger", "judgments/{judgmentId}/publication", ["GET"]),
        new("PreparePublication", "httpTrigger", "judgments/{judgmentId}/prepare", ["POST"]),
        new("ApprovePublication", "httpTrigger", "judgments/{judgmentId}/approve", ["POST"]),
        new("WithdrawPublication", "httpTrigger", "judgments/{judgmentId}/withdraw", ["POST"]),
        new("SearchJudgments", "httpTrigger", "judgments", ["GET"]),
        new("ReadPublishedJudgment", "httpTrigger", "judgments/{judgmentId}", ["GET"]),
        new("IndexJudgment", "queueTrigger", null, []),
        new("ApplyForEnforcement", "httpTrigger", "cases/{caseId}/enforcement", ["POST"]),
        new("StartAssetInquiry", "httpTrigger", "enforcement/{caseId}/inquiries", ["POST"]),
        new("ListInquiries", "httpTrigger", "enforcement/{caseId}/inquiries", ["GET"]),
        new("RequestFreeze", "httpTrigger", "enforcement/{caseId}/freezes", ["POST"]),
        new("RequestDeduction", "httpTrigger", "enforcement/{caseId}/deductions", ["POST"]),
        new("ProposePayout", "httpTrigger", "enforcement/{caseId}/payouts", ["POST"]),
        new("DecidePayout", "httpTrigger", "enforcement/{caseId}/payouts/{payoutId}/decision", ["POST"]),
        new("ListDishonestDebtor", "httpTrigger", "enforcement/{caseId}/dishonest-listing", ["POST"]),
        new("RemoveDishonestDebtor", "httpTrigger", "enforcement/{caseId}/dishonest-listing/removal", ["POST"]),
        new("SignConsumptionRestriction", "httpTrigger", "enforcement/{caseId}/consumption-restriction", ["POST"]),
        new("SearchDishonestDebtors", "httpTrigger", "dishonest-debtors", ["GET"]),
        new("RecordDirectPerformance", "httpTrigger", "enforcement/{caseId}/direct-performance", ["POST"]),
        new("CloseForNow", "httpTrigger", "enforcement/{caseId}/closing-for-now", ["POST"]),
        new("ReopenEnforcement", "httpTrigger", "enforcement/{caseId}/reopening", ["POST"]),
        new("ExtendEnforcementLimit", "httpTrigger", "enforcement/{caseId}/extension", ["POST"]),
        new("DeferPayout", "httpTrigger", "enforcement/{caseId}/payout-deferral", ["POST"]),
        new("VerifyServiceCertificate", "httpTrigger", "service-certificates/{certificateId}/verify", ["GET"]),
        new("CommunicationEvents", "httpTrigger", "events/communication", ["POST"]),
        new("ServiceWorkflow", "orchestrationTrigger", null, []),
        new("GetServiceState", "activityTrigger", null, []),
        new("SendServiceNotice", "activityTrigger", null, []),
        new("AdvanceService", "activityTrigger", null, []),
        new("ElapsePublicNotice", "activityTrigger", null, []),
        new("CompleteService", "activityTrigger", null, []),
        new("StartProcessService", "activityTrigger", null, []),
        new("FlagDispatchOverdue", "activityTrigger", null, []),
        new("FlagRouteExhausted", "activityTrigger", null, []),
        new("RecordServiceStall", "activityTrigger", null, []),
        new("ClearServiceStall", "activityTrigger", null, []),
        new("CorsPreflight", "httpTrigger", "{*path}", ["OPTIONS"]),
        new("EnforcementOverview", "httpTrigger", "enforcement/overview", ["GET"]),
    ];

    [Fact]
    public void CaseSignalRelay_ReadsTheQueueTheListenersWrite()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repository.FunctionsMetadata));
        var relay = doc.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "RelayCaseSignal");
        var bindings = relay.GetProperty("bindings").EnumerateArray().ToList();
        Assert.Equal(ECourt.Adapters.Storage.StorageNames.CaseSignals, bindings.Single(b =>
            b.GetProperty("type").GetString() == "queueTrigger").GetProperty("queueName").GetString());
        Assert.Contains(bindings, b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void Metadata_ListsExactlyTheExpectedFunctions()
    {
        var actual = Metadata().Select(d => $"{d.Name} {d.Trigger} {d.Route} {string.Join(",", d.Methods)}").Order().ToList();
        var expected = Expected.Select(d => $"{d.Name} {d.Trigger} {d.Route} {string.Join(",", d.Methods)}").Order().ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryOrchestratorAndActivity_IsRegisteredForTheDurableWorkers()
    {
        var registry = new DurableTaskRegistry();
        OrchestrationCatalog.Register(registry);
        var orchestrators = registry.GetOrchestrators().Select(r => r.Key.Name).ToList();
        var activities = registry.GetActivities().Select(r => r.Key.Name).ToList();
        var metadata = Metadata();
        Assert.Equal(metadata.Where(d => d.Trigger == "orchestrationTrigger").Select(d => d.Name).Order(), orchestrators.Order());
        Assert.Equal(metadata.Where(d => d.Trigger == "activityTrigger").Select(d => d.Name).Order(), activities.Order());
        // The catalog's own lists agree with what it registers.
        Assert.Equal(OrchestrationCatalog.Orchestrators.Order(), orchestrators.Order());
        Assert.Equal(OrchestrationCatalog.Activities.Select(a => a.Name).Order(), activities.Order());
    }

    [Theory]
    [InlineData("azure-storage")]
    [InlineData("in-memory")]
    public async Task LocalHost_RegistersEveryOrchestratorAndActivity(string engine)
    {
        await using var provider = Hosts.LocalHost(engine);
        var registry = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DurableTaskRegistry>>(provider).Get(Microsoft.Extensions.Options.Options.DefaultName);
        var metadata = Metadata();
        Assert.Equal(metadata.Where(d => d.Trigger == "orchestrationTrigger").Select(d => d.Name).Order(),
            registry.GetOrchestrators().Select(r => r.Key.Name).Order());
        Assert.Equal(metadata.Where(d => d.Trigger == "activityTrigger").Select(d => d.Name).Order(),
            registry.GetActivities().Select(r => r.Key.Name).Order());
    }

    [Fact]
    public void LocalHostRoutes_EqualTheMetadataHttpRoutes()
    {
        var table = new FunctionRouteTable(LocalHostSetup.FunctionsAssembly, "api");
        var local = table.Routes.SelectMany(r => r.Methods.Select(m => $"{m} /api/{r.Route}")).Order().ToList();
        var declared = Metadata().Where(d => d.Trigger == "httpTrigger").SelectMany(d => d.Methods.Select(m =>
            $"{m} /api/{d.Route}")).Order().ToList();
        Assert.Equal(declared, local);
    }

    [Fact]
    public void OpenApiDocument_CoversExactlyTheHttpRoutes()
    {
        using var doc = JsonDocument.Parse(ApiDocument.Text);
        var documented = doc.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}")).Order().ToList();
        // The document and its reference page are served, not operations of the document; nor is a browser's preflight.
        var hidden = ApiDocument.Operations.Where(o => o.Api.Hidden).Select(o => o.OperationId).ToHashSet();
        Assert.Equal(["ApiReference", "ApiReferenceScript", "OpenApiDocument"], hidden.Order());
        var declared = Metadata().Where(d => d.Trigger == "httpTrigger" && !hidden.Contains(d.Name))
            .SelectMany(d => d.Methods.Where(m => m != "OPTIONS").Select(m =>
            $"{m} /api/{d.Route}")).Order().ToList();
        Assert.Equal(declared, documented);
        Assert.DoesNotContain(documented, p => p.Contains("/api/local/"));
        Assert.DoesNotContain(documented, p => p.StartsWith("OPTIONS ", StringComparison.Ordinal));
        // Every schema reference resolves.
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(ApiDocument.Text,
            "\"#/components/schemas/([^\"]+)\"").Select(m => m.Groups[1].Value))
            Assert.True(schemas.TryGetProperty(reference, out _), reference);
    }

    [Fact]
    public void HostJson_RoutePrefixIsApi()
    {
        Assert.Equal("api", FunctionRouteTable.ReadRoutePrefix(Repository.Path_("functions", "host.json")));
    }
}
