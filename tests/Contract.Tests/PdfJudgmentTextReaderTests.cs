using System.Text;
using ECourt.Adapters.Documents;
using ECourt.Application.Judgments;
using ECourt.Domain.Judgments;
using ECourt.Domain.Publication;
using ECourt.Testing;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ECourt.Contract.Tests;

/// <summary>
/// Reading a signed judgment's text out of its PDF with PdfPig (issue 18), on PDFs made in the test: a Chinese judgment whose
/// font maps its glyphs to Unicode reads whole, its broken lines joined so the residue scan sees an identity number and a phone
/// whole; a font without that map, lost characters, a scan and a damaged file each give the clerk a reason instead of a text.
/// </summary>
public class PdfJudgmentTextReaderTests
{
    private static readonly string[] FirstPage =
    [
        "　　　　　　　　黑龙江省哈尔滨市南岗区人民法院",
        "　　　　　　　　　　　　民事判决书",
        "　　　　　　　　　　　　　　　　　　（2026）黑0103民初1号",
        "",
        "　　原告：张三，男，1980年1月1日出生，汉族，公民身份号码110105194912",
        "31002X，住黑龙江省哈尔滨市南岗区示例路1号，联系电话138",
        "00000000。",
        "　　被告：李四，男，1982年5月6日出生，汉族，住黑龙江省哈尔滨市道里区。",
        "　　原告张三与被告李四买卖合同纠纷一案，本院于2026年3月1日立案后，依法",
        "适用简易程序，公开开庭进行了审理。",
        "", "", "",
        "　　　　　　　　　　　　　　　　第 1 页 共 2 页",
    ];

    private static readonly string[] SecondPage =
    [
        "　　判决如下：",
        "　　一、被告李四于本判决生效之日起十日内支付原告张三货款10000元；",
        "　　二、驳回原告张三的其他诉讼请求。",
        "　　　　　　　　　　　　　　　　　　　　　　审判员　王五",
        "　　　　　　　　　　　　　　　　　　　　二〇二六年三月二十日",
    ];

    private static Task<JudgmentTextReading> Read(byte[] pdf) => new PdfJudgmentTextReader().ReadAsync(new MemoryStream(pdf), default);

    [Fact]
    public async Task AChineseJudgment_WithAUnicodeMap_IsRead_InLinesAndParagraphs_ItsBrokenLinesJoined()
    {
        var reading = await Read(HandMadePdf.Chinese(FirstPage, SecondPage));

        Assert.Equal(new JudgmentTextReading(
            "　　黑龙江省哈尔滨市南岗区人民法院\n"
            + "　　民事判决书\n"
            + "　　（2026）黑0103民初1号\n"
            + "\n"
            + "　　原告：张三，男，1980年1月1日出生，汉族，公民身份号码11010519491231002X，住黑龙江省哈尔滨市南岗区示例路1号，联系电话"
            + "13800000000。\n"
            + "　　被告：李四，男，1982年5月6日出生，汉族，住黑龙江省哈尔滨市道里区。\n"
            + "　　原告张三与被告李四买卖合同纠纷一案，本院于2026年3月1日立案后，依法适用简易程序，公开开庭进行了审理。\n"
            + "　　判决如下：\n"
            + "　　一、被告李四于本判决生效之日起十日内支付原告张三货款10000元；\n"
            + "　　二、驳回原告张三的其他诉讼请求。\n"
            + "　　审判员　王五\n"
            + "　　二〇二六年三月二十日", null, 2), reading);
        Assert.Equal([(RedactionKind.IdNumber, "11010519491231002X"), (RedactionKind.Phone, "13800000000")],
            ResidueScan.Of(reading.Text!).Select(s => (s.Kind, reading.Text!.Substring(s.Start, s.Length))));
    }

    [Fact]
    public async Task ASentence_RunningOntoTheNextPage_IsJoinedAcrossThePageNumbers()
    {
        var reading = await Read(HandMadePdf.Chinese(
            ["　　原告张三与被告李四买卖合同纠纷一案，原告张三的公民身份号码为1101051949", "", "", "　　　　　　　　　　- 1 -"],
            ["1231002X，住黑龙江省哈尔滨市南岗区。", "", "", "　　　　　　　　　　- 2 -"]));
        Assert.Equal("　　原告张三与被告李四买卖合同纠纷一案，原告张三的公民身份号码为11010519491231002X，住黑龙江省哈尔滨市南岗区。",
            reading.Text);
    }

    [Theory]
    // Glyph ids as a full system font numbers them: PdfPig casts each unmapped code to a character, and 0x5000 onwards reads as
    // plausible ideographs (倀倁倂…), letters enough to pass for a text.
    [InlineData(0x5000)]
    // A subset's small glyph ids: control characters and ASCII.
    [InlineData(1)]
    public async Task AFont_WithoutAUnicodeMap_GoesToTheClerk_HoweverPlausibleWhatPdfPigMakesOfIt(int firstCid)
    {
        var pdf = HandMadePdf.Chinese(new PdfFontMap(ToUnicode: false, FirstCid: firstCid), FirstPage, SecondPage);
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.UnmappedFont, 2), await Read(pdf));
    }

    [Theory]
    [InlineData("\uFFFD")]
    [InlineData("\uE000")]
    public async Task AFont_MappingAGlyphToNoRealCharacter_GoesToTheClerk(string mappedAs)
    {
        var pdf = HandMadePdf.Chinese(new PdfFontMap(MappedAs: new Dictionary<char, string> { ['三'] = mappedAs }), FirstPage, SecondPage);
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.ReplacementCharacters, 2), await Read(pdf));
    }

    [Fact]
    public async Task AScan_HasNoTextLayer() =>
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.NoTextLayer, 3), await Read(HandMadePdf.ImageOnly(pages: 3)));

    [Fact]
    public async Task APage_DrawingNothing_HasNoTextLayer() =>
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.NoTextLayer, 1), await Read(HandMadePdf.Blank()));

    public static TheoryData<string, byte[]> NotPdfs => new()
    {
        { "garbage", Encoding.ASCII.GetBytes("This is a judgment, honestly. %%EOF") },
        { "empty", [] },
        { "cut short", HandMadePdf.Chinese(FirstPage)[..400] },
        { "header only", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n%%EOF") },
    };

    [Theory]
    [MemberData(nameof(NotPdfs))]
    public async Task AFile_ThatIsNotAReadablePdf_IsUnreadable_WithoutThrowing(string what, byte[] file)
    {
        Assert.NotNull(what);
        Assert.Equal(JudgmentTextReading.Unreadable, await Read(file));
    }

    [Fact]
    public async Task ALatinText_InAStandardFont_IsReadWithWordSpaces_AndHyphenatedWordsWhole()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        page.AddText("The defendant shall pay the plaintiff the sum agreed in the", 12, new PdfPoint(72, 770), font);
        page.AddText("sales contract within ten days, as the agree-", 12, new PdfPoint(72, 755), font);
        page.AddText("ment of the parties provides.", 12, new PdfPoint(72, 740), font);

        Assert.Equal(new JudgmentTextReading(
            "The defendant shall pay the plaintiff the sum agreed in the sales contract within ten days, as the agreement of the parties "
            + "provides.", null, 1), await Read(builder.Build()));
    }

    [Fact]
    public async Task Cancelling_StopsTheReading_RatherThanFailingIt()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PdfJudgmentTextReader().ReadAsync(new MemoryStream(HandMadePdf.Chinese(FirstPage)), cancelled.Token));
    }

    [Fact]
    public void TheReader_IsRegisteredOnce()
    {
        var services = new ServiceCollection().AddJudgmentTextReader().AddJudgmentTextReader();
        using var provider = services.BuildServiceProvider();
        Assert.IsType<PdfJudgmentTextReader>(provider.GetRequiredService<IJudgmentTextReader>());
        Assert.Single(services, s => s.ServiceType == typeof(IJudgmentTextReader));
    }
}
