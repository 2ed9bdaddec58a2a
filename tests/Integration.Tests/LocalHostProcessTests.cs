using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ECourt.Adapters.Identity;
using ECourt.Orchestrations.Cases;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The local host as a newcomer runs it: a separate process serving HTTP, with the persistent durable
/// engine (Azure Storage provider on Azurite). A case's orchestration survives kill -9 of the host.
/// </summary>
[Collection(PersistentEngineCollection.Name)]
public sealed class LocalHostProcessTests : IAsyncLifetime
{
    private readonly string _prefix = Azurite.NewPrefix();
    private readonly int _httpPort = CourtTestHost.FreePort();
    private readonly int _durablePort = CourtTestHost.FreePort();
    private Process? _host;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_httpPort}/api/"), Timeout = TimeSpan.FromSeconds(30) };
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Kill();
        _http.Dispose();
        return Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ECourt.sln"))) dir = dir.Parent;
        return dir!.FullName;
    }

    private static string LocalHostDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot(), "localhost", "bin", configuration, "net10.0", "ECourt.LocalHost.dll");
    }

    private async Task StartHostAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(LocalHostDll())! };
        start.ArgumentList.Add(LocalHostDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{_httpPort}");
        start.Environment["ECourt__Storage__ConnectionString"] = Azurite.ConnectionString;
        start.Environment["ECourt__Storage__NamePrefix"] = _prefix;
        start.Environment["ECourt__LocalHost__TaskHub"] = "H" + _prefix;
        start.Environment["ECourt__LocalHost__DurablePort"] = _durablePort.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, _) => { };
        _host.ErrorDataReceived += (_, _) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await _http.GetAsync("fees/quote?caseType=labour")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(_host.HasExited, "The local host exited.");
            await Task.Delay(200);
        }
        throw new TimeoutException($"The local host did not answer within {Patience.TotalSeconds} s.");
    }

    private void Kill()
    {
        if (_host is { HasExited: false }) _host.Kill(entireProcessTree: true);
        _host?.WaitForExit(10_000);
        _host?.Dispose();
        _host = null;
    }

    private async Task<JsonElement> Send(HttpMethod method, string path, string principal, HttpContent? content = null, int expect = 200)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(ClientPrincipal.HeaderName, principal);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expect, $"{method} {path}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A client of the host's durable sidecar, to see the orchestration itself.</summary>
    /// <summary>
    /// How long a condition may take to hold: the persistent engine polls its queues, and on a loaded 2-core machine a
    /// round of the lifecycle (its activities, a timer, a ContinueAsNew) can take tens of seconds.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private async Task<CaseLifecycleStatus?> LifecycleStatusAsync(string caseId, Func<OrchestrationMetadata?, bool> until)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTaskClient(b => b.UseGrpc($"http://127.0.0.1:{_durablePort}"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DurableTaskClient>();
        OrchestrationMetadata? instance = null;
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline;)
        {
            instance = await client.GetInstanceAsync(CaseLifecycle.InstanceId(caseId), getInputsAndOutputs: true);
            if (until(instance)) return instance?.ReadCustomStatusAs<CaseLifecycleStatus>();
            await Task.Delay(200);
        }
        throw new TimeoutException($"Orchestration of {caseId}: {instance?.RuntimeStatus} {instance?.SerializedCustomStatus}");
    }

    [Fact]
    public async Task CaseOrchestration_SurvivesKillOfTheHost()
    {
        await StartHostAsync();
        var party = ClientPrincipal.Encode("user-liu", ["party"]);
        var clerk = ClientPrincipal.Encode("clerk-wang", ["clerk"], "黑01");
        var filing = JsonContent.Create(Filings.Property("user-liu"));
        var caseId = (await Send(HttpMethod.Post, "cases", party, filing, 201)).GetProperty("caseId").GetString()!;
        var pdf = new ByteArrayContent(Filings.Pdf);
        pdf.Headers.ContentType = new("application/pdf");
        pdf.Headers.Add("X-Document-Kind", "complaint");
        pdf.Headers.Add("X-File-Name", "complaint.pdf");
        await Send(HttpMethod.Post, $"cases/{caseId}/documents", party, pdf, 201);
        await Send(HttpMethod.Post, $"cases/{caseId}/submit", party);
        var waiting = await LifecycleStatusAsync(caseId, i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Running && i.SerializedCustomStatus is not null);
        Assert.Equal("filing-review", waiting!.NextDeadline);

        Kill();
        await StartHostAsync();

        var accepted = await Send(HttpMethod.Post, $"cases/{caseId}/review", clerk, JsonContent.Create(new { decision = "accept" }));
        // The fee notice goes out by SMS (the local outbox); its delivery report comes to the webhook with the local key.
        JsonElement? notice = null;
        for (var until = DateTime.UtcNow + Patience; notice is null && DateTime.UtcNow < until;)
        {
            var outbox = await Send(HttpMethod.Get, "local/sms-outbox", party);
            notice = outbox.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(m => m!.Value.GetProperty("text").GetString()!.Contains("缴费通知书"));
            if (notice is null) await Task.Delay(200);
        }
        Assert.NotNull(notice);
        // The outbox takes the message before the service indexes its id: report it once the service shows it sent.
        var messageId = notice.Value.GetProperty("messageId").GetString();
        JsonElement? sent = null;
        for (var until = DateTime.UtcNow + Patience; sent is null && DateTime.UtcNow < until;)
        {
            var services = await Send(HttpMethod.Get, $"cases/{caseId}/service", clerk);
            sent = services.GetProperty("items").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("attempts")
                .EnumerateArray().Any(a => a.TryGetProperty("providerMessageId", out var m) && m.GetString() == messageId));
            if (sent is null) await Task.Delay(200);
        }
        Assert.NotNull(sent);
        var report = new StringContent(JsonSerializer.Serialize(new[]
        {
            new
            {
                id = "1", topic = "/x", subject = "/phonenumber/13800000000", eventType = "Microsoft.Communication.SMSDeliveryReportReceived",
                eventTime = DateTimeOffset.UtcNow, dataVersion = "1.0", metadataVersion = "1",
                data = new { messageId, from = "+1", to = "13800000000", deliveryStatus = "Delivered", receivedTimestamp = DateTimeOffset.UtcNow },
            },
        }), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(1, (await Send(HttpMethod.Post, "events/communication?key=local-webhook-key", party, report)).GetProperty("recorded").GetInt32());
        var feeWait = await LifecycleStatusAsync(caseId, i => i?.ReadCustomStatusAs<CaseLifecycleStatus>()?.NextDeadline == "fee-payment");
        Assert.Equal("AwaitingFee", feeWait!.Status);

        var credit = JsonContent.Create(new
        {
            messageType = "credit",
            bankCode = "ICBC",
            bankTransactionId = "kill-test-1",
            accountNumber = accepted.GetProperty("feeNotice").GetProperty("accountNumber").GetString(),
            amount = accepted.GetProperty("feeNotice").GetProperty("amountDue").GetString(),
            currency = "CNY",
            valueDate = "2026-11-27",
            bookedAt = "2026-11-27T09:00:00+08:00",
        });
        var outcome = await Send(HttpMethod.Post, "local/bank-messages?queue=bank-credits", party, credit);
        Assert.Equal("completed", outcome.GetProperty("outcome").GetString());
        // Accepted: the lifecycle of the open case waits on (it never ends while the case is open).
        await LifecycleStatusAsync(caseId, i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Running
            && i.ReadCustomStatusAs<CaseLifecycleStatus>()?.Status == "Accepted");

        // The bank's statement of that day reconciles with the books, through the same local route.
        var amount = accepted.GetProperty("feeNotice").GetProperty("amountDue").GetString();
        var statement = JsonContent.Create(new
        {
            messageType = "statement",
            bankCode = "ICBC",
            statementDate = "2026-11-27",
            entries = new[] { new { bankTransactionId = "kill-test-1", accountNumber = accepted.GetProperty("feeNotice").GetProperty("accountNumber").GetString(), amount, bookedAt = "2026-11-27T09:00:00+08:00" } },
            count = 1,
            total = amount,
        });
        Assert.Equal("completed", (await Send(HttpMethod.Post, "local/bank-messages?queue=bank-statements", party, statement)).GetProperty("outcome").GetString());
        var finance = ClientPrincipal.Encode("finance-sun", ["finance"], "黑01");
        Assert.Equal("balanced", (await Send(HttpMethod.Get, "reconciliation/ICBC/2026-11-27", finance)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CourtClock_MovedToTheReviewDeadline_UndecidedFilingRegistered_OffsetKeptAcrossRestart()
    {
        await StartHostAsync();
        var party = ClientPrincipal.Encode("user-liu", ["party"]);
        Assert.Equal(TimeSpan.Zero, (await Send(HttpMethod.Get, "local/clock", party)).GetProperty("offset").Deserialize<TimeSpan>());
        var caseId = (await Send(HttpMethod.Post, "cases", party, JsonContent.Create(Filings.Property("user-liu")), 201)).GetProperty("caseId").GetString()!;
        var pdf = new ByteArrayContent(Filings.Pdf);
        pdf.Headers.ContentType = new("application/pdf");
        pdf.Headers.Add("X-Document-Kind", "complaint");
        pdf.Headers.Add("X-File-Name", "complaint.pdf");
        await Send(HttpMethod.Post, $"cases/{caseId}/documents", party, pdf, 201);
        var submitted = await Send(HttpMethod.Post, $"cases/{caseId}/submit", party);
        // The pending review deadline shows in the case with its basis.
        var review = Assert.Single(submitted.GetProperty("deadlines").EnumerateArray());
        Assert.Equal("filing-review", review.GetProperty("kind").GetString());
        Assert.Contains("CPL art. 126", review.GetProperty("basis").GetString());
        // Seven days, or more where they end on a weekend or holiday (CPL art. 85): the clock moves to the deadline's own end.
        var endsAt = review.GetProperty("endsAt").GetDateTimeOffset();
        await LifecycleStatusAsync(caseId, i => i?.ReadCustomStatusAs<CaseLifecycleStatus>()?.NextDeadline == "filing-review");

        // Court time only moves forward.
        Assert.Equal(400, (int)(await _http.PostAsJsonAsync("local/clock", new { to = DateTimeOffset.UtcNow.AddDays(-1) })).StatusCode);
        var moved = await Send(HttpMethod.Post, "local/clock", party, JsonContent.Create(new { to = endsAt }));
        Assert.True(moved.GetProperty("woken").GetInt32() >= 1);
        var offset = moved.GetProperty("offset").Deserialize<TimeSpan>();
        Assert.True(offset >= TimeSpan.FromDays(6.9), $"moved by {offset}");

        var view = await Send(HttpMethod.Get, $"cases/{caseId}", party);
        for (var until = DateTime.UtcNow + Patience; view.GetProperty("status").GetString() != "AwaitingFee" && DateTime.UtcNow < until;
             await Task.Delay(200))
            view = await Send(HttpMethod.Get, $"cases/{caseId}", party);
        Assert.Equal("AwaitingFee", view.GetProperty("status").GetString());
        var registered = view.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "RegisterOnReviewDeadline");
        Assert.Equal("system", registered.GetProperty("actor").GetString());
        Assert.True(registered.GetProperty("at").GetDateTimeOffset() >= endsAt);

        // The offset is kept with the local data: a restarted host is still eight days ahead.
        Kill();
        await StartHostAsync();
        Assert.InRange((await Send(HttpMethod.Get, "local/clock", party)).GetProperty("offset").Deserialize<TimeSpan>(),
            offset - TimeSpan.FromSeconds(1), offset + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Demo_WithTheCourtClockSixteenDaysAhead_AsOnItsThirdRun_EndsAccepted()
    {
        await StartHostAsync();
        // Two earlier runs of the demo moved court time 16 days past real time; the provider's clock did not move.
        var party = ClientPrincipal.Encode("user-liu", ["party"]);
        await Send(HttpMethod.Post, "local/clock", party, JsonContent.Create(new { advanceDays = 16 }));
        var demo = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot(),
        };
        demo.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "demo"));
        demo.Environment["ECOURT_BASE"] = $"http://127.0.0.1:{_httpPort}/api";
        using var run = Process.Start(demo)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(240));
        try
        {
            await run.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            run.Kill(entireProcessTree: true);
            throw;
        }
        var text = await output + await errors;
        Assert.True(run.ExitCode == 0, text);
        // The fee notice is served when the court sent it, not 16 days before: its period has not passed, and the fee paid settles it.
        Assert.Contains("fee paid:   Accepted", text);
        var lines = text.Split('\n');
        // The demo's delivery report carried court time, as a provider's would on a court whose clock is its own: taken as dated.
        var filed = lines.Single(l => l.StartsWith("filed:", StringComparison.Ordinal));
        var caseId = filed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var feeNotice = (await Send(HttpMethod.Get, $"cases/{caseId}/service", party)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "fee-notice");
        Assert.DoesNotContain("before the notice was sent", feeNotice.GetProperty("attempts")[0].GetProperty("evidence").GetString());
    }
}
