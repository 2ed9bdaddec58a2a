using System.Security.Cryptography;
using System.IO.Compression;

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
}
