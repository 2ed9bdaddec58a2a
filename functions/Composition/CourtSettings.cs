using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ECourt.Functions.Composition;

/// <summary>
/// One setting of the app, by its configuration key (an app setting spells ':' as "__"). <see cref="InAzure"/>: the
/// app does not start outside Development without it (or without <see cref="OrInstead"/>); <see cref="Section"/>: the
/// key is a section whose children are the settings (the courts, retired keys).
/// </summary>
public sealed record CourtSetting(string Key, string Purpose, bool InAzure = false, string? OrInstead = null, bool Section = false,
    bool DevelopmentOnly = false, Func<string, string?>? Problem = null)
{
    public string AppSettingName => Key.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// Every setting the app reads, in one list: what <see cref="Problems"/> checks when the app starts, what the sample
/// local settings and the Bicep's app settings are checked against (InfraTests), and where an operator looks up a
/// name. Outside Development a missing or malformed setting stops the start with its name and where to set it, instead
/// of the app falling back to the local stand-ins (the SMS outbox, SMTP on 127.0.0.1, no bank listener, sample courts).
/// </summary>
public static class CourtSettings
{
    private const string Where = "set it as an app setting of the Functions app (infra/app.bicep)";

    public static readonly IReadOnlyList<CourtSetting> All =
    [
        // Storage: the identity-based URIs in Azure, a connection string (Azurite) locally.
        new("AzureWebJobsStorage", "Storage connection string (Azurite locally)", Problem: NotEmpty),
        new("AzureWebJobsStorage:credential", "managedidentity: storage is reached with the app's identity"),
        new("AzureWebJobsStorage:clientId", "Client id of a user-assigned identity for storage"),
        new("AzureWebJobsStorage:blobServiceUri", "Blob endpoint of the storage account", InAzure: true, OrInstead: "AzureWebJobsStorage",
            Problem: HttpsUri),
        new("AzureWebJobsStorage:queueServiceUri", "Queue endpoint of the storage account", InAzure: true, OrInstead: "AzureWebJobsStorage",
            Problem: HttpsUri),
        new("AzureWebJobsStorage:tableServiceUri", "Table endpoint of the storage account", InAzure: true, OrInstead: "AzureWebJobsStorage",
            Problem: HttpsUri),
        new("ECourt:Storage:ConnectionString", "Storage connection string of the court's data, if not AzureWebJobsStorage"),
        new("ECourt:Storage:NamePrefix", "Prefix of every table, container and queue name (tests)"),
        new("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated (set by the platform in Azure)"),
        new("AZURE_FUNCTIONS_ENVIRONMENT", "Development for a local run; Production in Azure"),
        new("WEBSITE_AUTH_ENABLED", "Set by App Service Authentication; only then is X-MS-CLIENT-PRINCIPAL believed"),

        // The courts served.
        new("ECourt:Courts", "The courts served: ECourt:Courts:{code}:Name, SettlementAccountPrefix, Fees:…", InAzure: true, Section: true),
        new("ECourt:DefaultCourt", "Case-number code of the court a filing goes to when it names none", InAzure: true),

        // Identity.
        new("ECourt:Identity:TenantId", "Microsoft Entra tenant whose access tokens the API accepts", InAzure: true, Problem: Guid),
        new("ECourt:Identity:Instance", "Entra sign-in endpoint (login.microsoftonline.com, or a national cloud's)", Problem: HttpsUri),
        new("ECourt:Identity:Audience", "The API's audience (one; Audiences lists several)"),
        new("ECourt:Identity:Audiences", "The API's audiences: api://{client id} and the client id", InAzure: true,
            OrInstead: "ECourt:Identity:Audience", Section: true),
        new("ECourt:Identity:Issuers", "Accepted token issuers (default: the tenant's v1 and v2 issuers)", Section: true),
        new("ECourt:Identity:Scope", "The API's scope a user's access token must carry in scp (access_as_user)", Problem: ScopeName),
        new("ECourt:Identity:CourtClaim", "The token claim that names a staff member's court (default court)"),
        new("ECourt:Identity:VerifiedIdNumberClaim",
            "The token claim with the resident id number real-name verification gave (verified_id_number)"),
        new("ECourt:Identity:VerifiedNameClaim",
            "The token claim with the name real-name verification gave with the id number (verified_name)"),
        new("ECourt:Identity:VerifiedCreditCodeClaim", "The token claim with the credit code of the organisation an account acts for"),
        new("ECourt:Identity:VerifiedOrganisationNameClaim",
            "The token claim with the name of the organisation an account acts for, verified with its credit code"),
        new("ECourt:Identity:VerificationMethodClaim",
            "The token claim with how the caller's identity was last verified (identity_verification_method)"),
        new("ECourt:Identity:VerifiedAtClaim", "The token claim with when it was verified (identity_verified_at)"),
        new("ECourt:Identity:VerificationResultClaim", "The token claim with its result, passed or failed (identity_verification_result)"),
        new("ECourt:Identity:StaffCourts", "Staff member's court by object id, where the token has no court claim", Section: true),
        new("ECourt:RateLimit:AnonymousPerMinute", "Anonymous requests per client address and minute (120)", Problem: PositiveWhole),
        new("ECourt:Cors:AllowedOrigins", "Origins of the court's browser portals that may call the API (none)", Section: true,
            Problem: Origin),
        new("ECourt:Cors:AllowedMethods", "Methods a portal may use across origins (the API's: GET, POST, PUT)", Section: true,
            Problem: Method),
        new("ECourt:Cors:AllowedHeaders", "Request headers a portal may send across origins (those the API reads)", Section: true,
            Problem: HeaderName),

        // Service of process: signing, links, gateways.
        new("ECourt:Service:SigningKeyVaultKeyUri", "Key Vault key that signs service certificates", InAzure: true, Problem: HttpsUri),
        new("ECourt:Service:SigningKeyPem", "Signing key as PEM (local runs; Key Vault in Azure)", DevelopmentOnly: true),
        new("ECourt:Service:SigningKeyFile", "Signing key file, created on first use (local runs)", DevelopmentOnly: true),
        new("ECourt:Service:RetiredPublicKeys", "Public keys of signing keys retired by rotation (PEM)", Section: true),
        new("ECourt:Service:ClientId", "Client id of a user-assigned identity for Key Vault"),
        new("ECourt:Service:LinkKey", "Base64 of at least 32 random bytes: signs the links in notices", InAzure: true, Problem: LinkKey),
        new("ECourt:Hearings:VideoBaseAddress",
            "Base address of the video platform online hearings are held on (its /join takes the personal token)", Problem: HttpsUri),
        new("ECourt:Service:LinkKeyFile", "Link key file, created on first use (local runs)", DevelopmentOnly: true),
        new("ECourt:Service:LinkValidity", "How long a link in a notice opens the document (30.00:00:00)", Problem: Duration),
        new("ECourt:Service:PortalBaseUrl", "Public base URL of the API, used in the links of notices", InAzure: true, Problem: HttpsUri),
        new("ECourt:Service:WebhookKey", "Key Event Grid puts in the delivery-report webhook URL (?key=)", InAzure: true, Problem: Secret),
        new("ECourt:Service:EventGrid", "Entra token validation of Event Grid's webhook calls (Audience; TenantId, Instance: the API's)",
            Section: true),
        new("ECourt:Service:EventGrid:ApplicationId",
            "Event Grid's application id, its tokens' azp/appid (4962773b-9cdb-44cf-a8bf-237846a00ab7)", Problem: Guid),
        new("ECourt:Service:ChannelOrder", "Electronic channels tried in order (sms, email)", Section: true),
        new("ECourt:Service:SmsTimeout", "Wait for an SMS delivery report before the next channel", Problem: Duration),
        new("ECourt:Service:EmailTimeout", "Wait for an email delivery report before the next channel", Problem: Duration),
        new("ECourt:Service:InboxTimeout", "Wait for a platform inbox item to be read", Problem: Duration),
        new("ECourt:Service:PostTimeout", "Wait for the postal receipt", Problem: Duration),
        new("ECourt:Service:Sms:Endpoint", "Communication Services endpoint for SMS (the app's identity)", InAzure: true,
            OrInstead: "ECourt:Service:Sms:ConnectionString", Problem: HttpsUri),
        new("ECourt:Service:Sms:ConnectionString", "Communication Services connection string for SMS (instead of the endpoint)"),
        new("ECourt:Service:Sms:From", "The court's SMS sender number (E.164)", InAzure: true, Problem: PhoneNumber),
        new("ECourt:Service:Sms:ClientId", "Client id of a user-assigned identity for SMS"),
        new("ECourt:Service:Email:Endpoint", "Communication Services endpoint for email (the app's identity)", InAzure: true,
            OrInstead: "ECourt:Service:Email:ConnectionString", Problem: HttpsUri),
        new("ECourt:Service:Email:ConnectionString", "Communication Services connection string for email (instead of the endpoint)"),
        new("ECourt:Service:Email:SenderAddress", "The court's sender address of a verified domain", InAzure: true, Problem: EmailAddress),
        new("ECourt:Service:Email:ClientId", "Client id of a user-assigned identity for email"),
        new("ECourt:Service:Smtp", "SMTP server for email in local runs (Host, Port, Security, …)", Section: true, DevelopmentOnly: true),

        // Bank messages.
        new("ECourt:Banking:ServiceBus:FullyQualifiedNamespace", "Service Bus namespace of the bank queues (the app's identity)",
            InAzure: true, OrInstead: "ECourt:Banking:ServiceBus:ConnectionString", Problem: HostName),
        new("ECourt:Banking:ServiceBus:ConnectionString", "Service Bus connection string (instead of the namespace)"),
        new("ECourt:Banking:ServiceBus:ClientId", "Client id of a user-assigned identity for Service Bus"),
        new("ECourt:Banking:MaxDeliveries", "Deliveries of a bank message before it is dead-lettered (10)", Problem: PositiveWhole),
        new("ECourt:Banking:MaxConcurrentCalls", "Bank messages handled at once per queue (16)", Problem: PositiveWhole),
        new("ECourt:Banking:SuspenseClaimWorkingDays", "Working days to claim a deposit held in suspense (3)", Problem: PositiveWhole),
        new("ECourt:Banking:SuspenseCourt", "Court whose finance staff keep deposits to accounts in no court's range (the default court)"),
        new("ECourt:Banking:Sandbox:Enabled", "The local run's sandbox bank answers enforcement requests (false; never with Service Bus)"),
        new("ECourt:Banking:Sandbox:Silent", "Sandbox banks that never answer (none)", Section: true),
        new("ECourt:Banking:Sandbox:Accounts", "The sandbox banks' accounts: BankCode, HolderId, AccountNumber, Kind, Balance",
            Section: true),

        // Enforcement: the court's local rules.
        new("ECourt:Enforcement:Banks", "Banks an asset inquiry asks, by code (ICBC, CCB, ABC, BOC)", Section: true),
        new("ECourt:Enforcement:CourtBank", "The court's own bank, which pays enforcement funds out (ICBC)"),
        new("ECourt:Enforcement:PresidentApprovalAbove", "Payouts above this amount are approved by the president too (500000)"),
        new("ECourt:Enforcement:InquiryAnswerDays", "Days the banks have to answer an asset inquiry (7)", Problem: PositiveWhole),
        new("ECourt:Enforcement:ApprovalStepWorkingDays", "Working days each payout approval step may take (3)", Problem: PositiveWhole),
        new("ECourt:Enforcement:SupervisionWorkingDays", "Working days without an officer's act before supervision (30)",
            Problem: PositiveWhole),

        // Case lifecycle.
        new("ECourt:Lifecycle:RecheckWithoutDeadline", "How often a case with no pending deadline is read again (1.00:00:00)",
            Problem: Duration),
        new("ECourt:Lifecycle:ActivityRetryFirst", "First wait before a lifecycle or service workflow activity is tried again (00:00:02)",
            Problem: Duration),
        new("ECourt:Lifecycle:ActivityRetryAttempts",
            "Tries of a lifecycle or service workflow activity before its round counts as failed (6)", Problem: PositiveWhole),
        new("ECourt:Lifecycle:StallBackoffFirst", "First wait of a stalled lifecycle or service workflow before its next round (00:01:00)",
            Problem: Duration),
        new("ECourt:Lifecycle:StallBackoffMax", "Longest wait of a stalled lifecycle or service workflow between rounds (01:00:00)",
            Problem: Duration),
        new("ECourt:Lifecycle:SweepInterval", "How often the local host sweeps lifecycles (the Functions app: every 5 minutes)",
            Problem: Duration),
        new("ECourt:Lifecycle:SweepGrace", "How long after a deadline's time the sweep restarts a missing lifecycle (00:10:00)",
            Problem: Duration),
        new("ECourt:Lifecycle:SweepPageSize", "Rows of the deadline index the lifecycle sweep reads in one query (500)",
            Problem: PositiveWhole),

        // Court calendar.
        new("ECourt:Calendar:RefreshInterval", "How often a host reads the published holiday arrangements again (00:05:00)",
            Problem: Duration),

        // The public search of published judgments (adapters/Search/SearchRegistration.cs).
        new("ECourt:Search:Endpoint",
            "Azure AI Search endpoint of the public judgment search (the app's identity); none: the embedded index", InAzure: true,
            Problem: HttpsUri),
        new("ECourt:Search:IndexName", "Name of the judgments index in that service (judgments)"),
        new("ECourt:Search:ClientId", "Client id of a user-assigned identity for Azure AI Search"),
        new("ECourt:Search:IndexDirectory",
            "Folder of the embedded judgment index (local runs; in memory, rebuilt at each start, when none)", DevelopmentOnly: true),

        // The local host only.
        new("ECourt:LocalHost", "The local host's durable engine, task hub and port", Section: true, DevelopmentOnly: true),
    ];

    /// <summary>The setting a key belongs to: its own entry, or the section it is under; null for a key the app does not read.</summary>
    public static CourtSetting? Find(string key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(s => s.Section && key.StartsWith(s.Key + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>Development: the Functions host's AZURE_FUNCTIONS_ENVIRONMENT or the .NET environment says so.</summary>
    public static bool IsDevelopment(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment()
        || string.Equals(configuration["AZURE_FUNCTIONS_ENVIRONMENT"], "Development", StringComparison.OrdinalIgnoreCase);

    /// <summary>Stops the start with every problem at once, so an operator fixes them in one deployment.</summary>
    public static void ThrowIfWrong(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration, IsDevelopment(configuration, environment));
        if (problems.Count > 0) throw new CourtSettingsException(problems);
    }

    public static IReadOnlyList<string> Problems(IConfiguration configuration, bool development)
    {
        var problems = new List<string>();
        bool IsSet(string key) => configuration[key] is { Length: > 0 } || configuration.GetSection(key).GetChildren().Any();
        foreach (var setting in All)
        {
            var value = configuration[setting.Key];
            if (value is { Length: > 0 } && setting.Problem?.Invoke(value) is { } wrong)
                problems.Add($"{setting.Key} ({setting.AppSettingName}) {wrong}: {setting.Purpose}.");
            // A list's entries are each held to the list's form.
            if (setting is { Section: true, Problem: { } entryProblem })
                foreach (var entry in configuration.GetSection(setting.Key).GetChildren())
                    if (entry.Value is { Length: > 0 } v && entryProblem(v) is { } wrongEntry)
                        problems.Add($"{entry.Path} ({entry.Path.Replace(":", "__", StringComparison.Ordinal)}) {wrongEntry}: "
                            + $"{setting.Purpose}.");
            if (development) continue;
            if (setting.InAzure && !IsSet(setting.Key) && (setting.OrInstead is null || !IsSet(setting.OrInstead)))
                problems.Add($"{setting.Key} ({setting.AppSettingName}) is not set: {setting.Purpose}; {Where}.");
            if (setting.DevelopmentOnly && IsSet(setting.Key))
                problems.Add($"{setting.Key} ({setting.AppSettingName}) is for local runs only: {setting.Purpose}; remove it.");
        }
        try
        {
            // The courts, checked now against the national ranges and each other, not at the first filing.
            // (None at all outside Development is the missing ECourt:Courts above.)
            var courts = CourtConfiguration.Read(configuration, sampleWhenNone: development);
            if (configuration["ECourt:Banking:SuspenseCourt"] is { Length: > 0 } suspenseCourt && courts is not null
                && !courts.TryGet(suspenseCourt, out _))
                problems.Add($"ECourt:Banking:SuspenseCourt (ECourt__Banking__SuspenseCourt) is {suspenseCourt}, which is not among "
                    + $"the courts served ({string.Join(", ", courts.All.Select(c => c.Code))}): the court whose finance staff keep "
                    + "deposits to accounts in no court's range.");
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(ex.Message);
        }
        return problems;
    }

    private static string? NotEmpty(string v) => v.Trim().Length == 0 ? "is blank" : null;

    private static string? HttpsUri(string v) =>
        Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.IsLoopback) ? null : "is not an https URL";

    private static string? HostName(string v) =>
        Uri.CheckHostName(v) == UriHostNameType.Dns && v.Contains('.') ? null : "is not a host name";

    private static string? Guid(string v) => System.Guid.TryParse(v, out _) ? null : "is not an id of Microsoft Entra (a GUID)";

    private static string? ScopeName(string v) => v.Length > 0 && !v.Any(c => char.IsWhiteSpace(c) || c == '/')
        ? null : "is not a scope's name as tokens carry it in scp (access_as_user, not api://…/access_as_user)";

    private static string? PositiveWhole(string v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
        ? null : "is not a whole number above 0";

    private static string? Duration(string v) => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero
        ? null : "is not a duration (d.hh:mm:ss) above 0";

    private static string? PhoneNumber(string v) => v.Length is >= 8 and <= 16 && v[0] == '+' && v[1..].All(char.IsAsciiDigit)
        ? null : "is not a phone number in E.164 form (+86…)";

    private static string? EmailAddress(string v) => v.Count(c => c == '@') == 1 && v.IndexOf('@') > 0 && v.IndexOf('@') < v.Length - 3
        ? null : "is not an email address";

    /// <summary>An origin as a browser sends it: scheme, host and port, no path (https, or http on the developer's machine).</summary>
    private static string? Origin(string v) =>
        Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || (u.Scheme == Uri.UriSchemeHttp && u.IsLoopback))
        && string.Equals(v.TrimEnd('/'), u.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)
            ? null : "is not an origin (https://host or https://host:port, without a path)";

    private static string? Method(string v) => v.Length > 0 && v.All(char.IsAsciiLetterUpper) ? null : "is not an HTTP method in capitals";

    private static string? HeaderName(string v) => v.Length > 0 && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        ? null : "is not a header's name";

    private static string? Secret(string v) => v.Length >= 16 ? null : "is shorter than 16 characters";

    private static string? LinkKey(string v)
    {
        try
        {
            new Application.ServiceOfProcess.ServiceOptions { LinkKey = v }.LinkKeyBytes();
            return null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            return "is not base64 of at least 32 bytes";
        }
    }
}

/// <summary>The app's settings are missing or wrong: every problem, one a line.</summary>
public sealed class CourtSettingsException(IReadOnlyList<string> problems)
    : Exception("The court's settings stop the start:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
