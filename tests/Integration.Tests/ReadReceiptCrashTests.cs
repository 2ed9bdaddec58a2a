using ECourt.Adapters.Storage;
using ECourt.Application.Cases;
using ECourt.Application.ServiceOfProcess;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// Opening an inbox item is the read receipt that completes service at an address the court found. A crash between
/// recording that evidence and marking the item read must leave a receipt the next opening records, never an item that
/// reads as opened while its service waits for ever.
/// </summary>
public partial class ServiceTests
{
    /// <summary>Fails the next commit once armed, as a host dying at that write would.</summary>
    private sealed class CrashingCommitStore(ICaseStore inner) : DelegatingCaseStore(inner)
    {
        public bool Armed { get; set; }

        public override Task<CommitResult> CommitAsync(CaseChange change, string? snapshotETag, CancellationToken ct = default)
        {
            if (!Armed) return base.CommitAsync(change, snapshotETag, ct);
            Armed = false;
            throw new IOException("The host stopped before the service evidence was written.");
        }
    }

    /// <summary>Fails the next read mark once armed: the evidence is written, the item is not yet marked.</summary>
    private sealed class CrashingInbox(IInbox inner) : IInbox
    {
        public bool Armed { get; set; }

        public Task AddAsync(InboxItem item, CancellationToken ct = default) => inner.AddAsync(item, ct);

        public Task<InboxItem?> GetAsync(string userId, string itemId, CancellationToken ct = default) =>
            inner.GetAsync(userId, itemId, ct);

        public Task<Page<InboxItem>> ListAsync(string userId, int pageSize, string? continuationToken, CancellationToken ct = default) =>
            inner.ListAsync(userId, pageSize, continuationToken, ct);

        public Task<InboxItem> MarkReadAsync(InboxItem item, DateTimeOffset at, CancellationToken ct = default)
        {
            if (!Armed) return inner.MarkReadAsync(item, at, ct);
            Armed = false;
            throw new IOException("The host stopped before the item was marked read.");
        }
    }

    private static async Task<(string CaseId, string Token)> DeliveredAtFoundAddressAsync(CourtTestHost host)
    {
        var (caseId, _) = await RegisteredWithLinkedDefendantAsync(host);
        var sms = await WaitForSmsAsync(host, "13900000000", "起诉状副本");
        await WaitForServiceAsync(host, caseId, "complaint-copy", s => s.GetProperty("attempts").GetArrayLength() == 1);
        await WebhookAsync(host, SmsReport(sms.MessageId, "Delivered", CourtTestHost.Future.AddSeconds(3)));
        await WaitForServiceAsync(host, caseId, "complaint-copy",
            s => s.GetProperty("attempts")[0].GetProperty("outcome").GetString() == "delivered");
        return (caseId, Uri.UnescapeDataString(LinkToken().Match(sms.Text).Groups[1].Value));
    }

    private static async Task<int> OpenAsync(CourtTestHost host, string token)
    {
        try
        {
            return (await host.GetAsync("/api/inbox/open?t=" + Uri.EscapeDataString(token), Wang)).Status;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static async Task AssertServedByOneReadReceiptAsync(CourtTestHost host, string caseId)
    {
        var served = await WaitForServiceAsync(host, caseId, "complaint-copy", Certified);
        Assert.Equal("ReadAtFoundAddress", served.GetProperty("rule").GetString());
        Assert.Equal(CourtTestHost.Future.AddDays(1), served.GetProperty("servedAt").GetDateTimeOffset());
        Assert.Single(served.GetProperty("attempts").EnumerateArray(), a => a.GetProperty("outcome").GetString() == "read");
        var item = Assert.Single((await host.GetAsync("/api/inbox", Wang)).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(CourtTestHost.Future.AddDays(1), item.GetProperty("readAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task ReadReceipt_CrashAtTheEvidence_ItemStaysUnread_NextOpeningServes()
    {
        CrashingCommitStore? store = null;
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<ICaseStore>(sp =>
                store = new CrashingCommitStore(new TableCaseStore(sp.GetRequiredService<StorageClients>()))));
        var (caseId, token) = await DeliveredAtFoundAddressAsync(host);
        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(1));

        store!.Armed = true;
        Assert.NotEqual(200, await OpenAsync(host, token));
        var unread = Assert.Single((await host.GetAsync("/api/inbox", Wang)).Json.GetProperty("items").EnumerateArray());
        Assert.False(unread.TryGetProperty("readAt", out _), "an item whose receipt was not recorded still reads as unopened");

        Assert.Equal(200, await OpenAsync(host, token));
        await AssertServedByOneReadReceiptAsync(host, caseId);
    }

    [Fact]
    public async Task ReadReceipt_CrashAfterTheEvidence_BeforeTheReadMark_NextOpeningChangesNothingMore()
    {
        CrashingInbox? inbox = null;
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future,
            services => services.AddSingleton<IInbox>(sp =>
                inbox = new CrashingInbox(new TableInbox(sp.GetRequiredService<StorageClients>()))));
        var (caseId, token) = await DeliveredAtFoundAddressAsync(host);
        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(1));

        inbox!.Armed = true;
        Assert.NotEqual(200, await OpenAsync(host, token));
        await WaitForServiceAsync(host, caseId, "complaint-copy", Certified);

        host.Clock.SetUtcNow(CourtTestHost.Future.AddDays(2));
        Assert.Equal(200, await OpenAsync(host, token));
        // Served by the first opening; the second opening marks the item read and records no second receipt.
        var served = await WaitForServiceAsync(host, caseId, "complaint-copy", Certified);
        Assert.Equal(CourtTestHost.Future.AddDays(1), served.GetProperty("servedAt").GetDateTimeOffset());
        Assert.Single(served.GetProperty("attempts").EnumerateArray(), a => a.GetProperty("outcome").GetString() == "read");
    }
}
