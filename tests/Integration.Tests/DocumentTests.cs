using System.IO.Compression;
using System.Security.Cryptography;
using ECourt.Application.Access;
using ECourt.Application.Documents;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;
using ECourt.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

public class DocumentTests
{
    private static readonly string Liu = CourtTestHost.Principal("user-liu", "party");

    [Fact]
    public async Task Upload_RecordsSha256_DownloadReturnsTheSameBytes()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        var up = await host.UploadAsync(caseId, Liu, Filings.Pdf);
        Assert.Equal(201, up.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Filings.Pdf)), up.Json.GetProperty("sha256").GetString());
        Assert.Equal(Filings.Pdf.Length, up.Json.GetProperty("size").GetInt32());
        Assert.Equal("起诉状.pdf", up.Json.GetProperty("fileName").GetString());
        var id = up.Json.GetProperty("documentId").GetString()!;

        var down = await host.GetAsync($"/api/cases/{caseId}/documents/{id}", Liu);
        Assert.Equal(200, down.Status);
        Assert.Equal(Filings.Pdf, down.Body);
        Assert.Equal("application/pdf", down.ContentType);
        Assert.Equal(404, (await host.GetAsync($"/api/cases/{caseId}/documents/{id}", CourtTestHost.Principal("x", "party"))).Status);
    }

    [Fact]
    public async Task TamperedBlob_RefusedOnDownload()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        var id = (await host.UploadAsync(caseId, Liu, Filings.Pdf)).Json.GetProperty("documentId").GetString()!;
        await host.Storage.Documents.GetBlobClient($"{caseId}/{id}").UploadAsync(BinaryData.FromBytes("%PDF-1.4 altered"u8.ToArray()), overwrite: true);
        var down = await host.GetAsync($"/api/cases/{caseId}/documents/{id}", Liu);
        Assert.Equal(500, down.Status);
        Assert.Equal("urn:ecourt:problem:document-integrity", down.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Upload_WithIdempotencyKey_Once()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "upload-1" };
        var a = await host.UploadAsync(caseId, Liu, Filings.Pdf, extra: key);
        var b = await host.UploadAsync(caseId, Liu, Filings.Pdf, extra: key);
        Assert.Equal(a.Json.GetProperty("documentId").GetString(), b.Json.GetProperty("documentId").GetString());
        Assert.Single((await host.Store.GetFileAsync(caseId))!.Documents);
        Assert.Equal(422, (await host.UploadAsync(caseId, Liu, Filings.Png, "image/png", extra: key)).Status);
    }

    [Fact]
    public async Task Ofd_And_Jpeg_AcceptedByContent()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var caseId = await host.CreateAsync("user-liu");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(archive.CreateEntry("OFD.xml").Open());
            w.Write("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\"/>");
        }
        Assert.Equal(201, (await host.UploadAsync(caseId, Liu, zip.ToArray(), "application/ofd", fileName: "判决书.ofd")).Status);
        Assert.Equal(201, (await host.UploadAsync(caseId, Liu, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "image/jpeg", "identity", "身份证.jpg")).Status);
    }

    /// <summary>Lets two writes of the same blob through only together, so both uploads have passed their "not filed yet" check.</summary>
    private sealed class RacingDocuments(ECourt.Application.Documents.IDocumentStore inner) : ECourt.Application.Documents.IDocumentStore
    {
        private readonly Barrier _both = new(2);

        public async Task<string> PutAsync(string caseId, string documentId, ReadOnlyMemory<byte> content, string contentType, string sha256, CancellationToken ct = default)
        {
            await Task.Run(() => _both.SignalAndWait(TimeSpan.FromSeconds(10)), ct);
            return await inner.PutAsync(caseId, documentId, content, contentType, sha256, ct);
        }

        public Task<byte[]?> GetAsync(string caseId, string documentId, CancellationToken ct = default) => inner.GetAsync(caseId, documentId, ct);
    }

    /// <summary>
    /// Over HTTP the key's claim turns the second of two racing uploads away before it reaches the use case (IdempotencyTests);
    /// the use case still holds on its own when two runs of one key meet (a claim taken over once its lease passed), so here two
    /// runs race straight into it.
    /// </summary>
    [Fact]
    public async Task Upload_SameKeyDifferentBytesRacing_OneDocument_BytesMatchTheRecordedHash()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future, services => services.AddSingleton<IDocumentStore>(sp =>
            new RacingDocuments(new ECourt.Adapters.Storage.BlobDocumentStore(sp.GetRequiredService<ECourt.Adapters.Storage.StorageClients>()))));
        var caseId = await host.CreateAsync("user-liu");
        var upload = host.Services.GetRequiredService<UploadDocument>();
        var liu = new CourtUser("user-liu", "刘志强", new HashSet<string> { "party" }, "黑01");
        async Task<object> Run(string key, byte[] content, string contentType, string kind, string fileName)
        {
            // Each run authorizes on its own, as each request does.
            var grant = await host.Services.GetRequiredService<CaseAccess>().AuthorizeAsync(AccessTable.For("UploadDocument"), caseId, liu,
                default);
            try
            {
                return await upload.RunAsync(grant, new UploadDocument.Request(kind, Uri.EscapeDataString(fileName), contentType, key),
                    () => Task.FromResult(content), default);
            }
            catch (Exception ex) when (ex is ECourt.Application.Cases.ConflictException or ECourt.Domain.DomainRuleException)
            {
                return ex;
            }
        }
        for (var round = 0; round < 4; round++)
        {
            var key = $"race-{round}";
            var pdf = "%PDF-1.4 racing "u8.ToArray().Concat(BitConverter.GetBytes(round)).ToArray();
            var answers = await Task.WhenAll(
                Run(key, pdf, "application/pdf", "complaint", "起诉状.pdf"),
                Run(key, Filings.Png, "image/png", "evidence", "借条.png"));
            var won = (CaseDocument)Assert.Single(answers, a => a is CaseDocument);
            // The loser learns the key is taken: in use while the winner is still recording it, reused once recorded.
            var lost = Assert.Single(answers, a => a is Exception);
            Assert.Contains("idempotency-key-", lost switch
            {
                ECourt.Application.Cases.ConflictException c => c.Rule,
                ECourt.Domain.DomainRuleException d => d.Rule,
                _ => "",
            });
            var recorded = (await host.Store.GetDocumentAsync(caseId, won.DocumentId))!;
            var bytes = (await host.Services.GetRequiredService<IDocumentStore>().GetAsync(caseId, won.DocumentId))!;
            Assert.Equal(recorded.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(won.Sha256, recorded.Sha256);
            Assert.Equal(200, (await host.GetAsync($"/api/cases/{caseId}/documents/{won.DocumentId}", Liu)).Status);
        }
        Assert.Equal(4, (await host.Store.GetFileAsync(caseId))!.Documents.Count);
    }
}
