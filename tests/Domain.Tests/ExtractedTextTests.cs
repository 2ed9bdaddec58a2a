using ECourt.Domain.Judgments;
using ECourt.Domain.Publication;

namespace ECourt.Domain.Tests;

/// <summary>
/// A judgment's text read out of its PDF (issue 18): what is too badly read to publish goes to the clerk, and lines the PDF broke
/// inside a sentence are joined before the residue scan, so an identity number or a phone broken across two lines is found whole.
/// The identity number is GB 11643-1999's example, whose check character is X.
/// </summary>
public class ExtractedTextTests
{
    private const string ASentence = "原告张三与被告李四买卖合同纠纷一案本院于立案后依法适用简易程序";

    [Fact]
    public void AReadPage_WithEnoughLetters_IsRead()
    {
        var reading = ExtractedText.Read(ASentence, pages: 1, unmappedGlyphs: 0);
        Assert.Equal(new JudgmentTextReading(ASentence, null, 1), reading);
    }

    [Theory]
    [InlineData("", 1)]
    // A scan whose only text layer is its page footers: two letters a page.
    [InlineData("第1页\f第2页\f第3页", 3)]
    [InlineData("- 1 -\f- 2 -", 2)]
    public void AScan_WithoutAText_HasNoTextLayer(string raw, int pages) =>
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.NoTextLayer, pages), ExtractedText.Read(raw, pages, 0));

    [Theory]
    [InlineData(40, 2, null)]
    [InlineData(39, 2, TextReadingFailure.NoTextLayer)]
    [InlineData(20, 1, null)]
    [InlineData(19, 1, TextReadingFailure.NoTextLayer)]
    public void TheLetterCount_IsTwentyAPage(int letters, int pages, TextReadingFailure? expected) =>
        Assert.Equal(expected, ExtractedText.Judge(new string('案', letters), pages, 0));

    [Theory]
    // The font's map gave up on a character: U+FFFD.
    [InlineData("原告张\uFFFD国")]
    // A private-use code point, as fonts give rare characters of names (生僻字): U+E3A1, and U+F0001 in plane 15.
    [InlineData("原告张\uE3A1国")]
    [InlineData("原告张\U000F0001国")]
    // A control character where a glyph stood.
    [InlineData("原告张\u0001国")]
    // Half a surrogate pair.
    [InlineData("原告张\uD840国")]
    public void OneLostCharacter_IsTooMany(string lost) =>
        Assert.Equal(TextReadingFailure.ReplacementCharacters, ExtractedText.Judge(ASentence + lost, 1, 0));

    [Fact]
    public void TheLayoutCharacters_AreNotLost() =>
        Assert.Null(ExtractedText.Judge(ASentence + "\n\t\r\f　　" + ASentence, 2, 0));

    [Fact]
    public void AGlyphTheFontCouldNotMap_FailsTheReading_HoweverGoodTheRestLooks()
    {
        var reading = ExtractedText.Read(ASentence, 1, unmappedGlyphs: 1);
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.UnmappedFont, 1), reading);
    }

    [Fact]
    public void TheFailures_HaveKebabWireNames() =>
        Assert.Equal(["no-text-layer", "replacement-characters", "unmapped-font", "unreadable"], WireNames.All<TextReadingFailure>());

    [Fact]
    public void AnUnreadableFile_HasNoText() =>
        Assert.Equal(new JudgmentTextReading(null, TextReadingFailure.Unreadable, 0), JudgmentTextReading.Unreadable);

    [Theory]
    [InlineData("本院于2026年3月1\n日立案后，依法适用简易程序。", "本院于2026年3月1日立案后，依法适用简易程序。")]
    [InlineData("原告张三与被告李四买卖合同纠纷\n一案", "原告张三与被告李四买卖合同纠纷一案")]
    // Trailing spaces the PDF drew at the end of a line are not a word space in Chinese.
    [InlineData("原告张三 \n与被告李四", "原告张三与被告李四")]
    [InlineData("原告张三，\n男，汉族", "原告张三，男，汉族")]
    [InlineData("被告约翰·\n史密斯", "被告约翰·史密斯")]
    [InlineData("本院于2026年3月1\r\n日立案", "本院于2026年3月1日立案")]
    public void ChineseLines_BrokenInASentence_AreJoinedWithoutASpace(string raw, string joined) =>
        Assert.Equal(joined, ExtractedText.JoinBrokenLines(raw));

    [Theory]
    [InlineData("The defendant shall pay the\nplaintiff the sum", "The defendant shall pay the plaintiff the sum")]
    [InlineData("the agree-\nment was signed", "the agreement was signed")]
    // A hyphen before a capital joins a compound, and one after a digit an area code: both stay, without a space.
    [InlineData("Mrs Smith-\nJones", "Mrs Smith-Jones")]
    [InlineData("被告ABC\nCompany Limited", "被告ABC Company Limited")]
    [InlineData("said,\n\"pay\"", "said, \"pay\"")]
    public void LatinWords_AreJoinedWithOneSpace_AndHyphenatedWordsWhole(string raw, string joined) =>
        Assert.Equal(joined, ExtractedText.JoinBrokenLines(raw));

    [Theory]
    [InlineData("原告张三，公民身份号码110105194912\n31002X，住黑龙江省。", "11010519491231002X", RedactionKind.IdNumber)]
    [InlineData("原告张三，公民身份号码11010519491231002\nX，住黑龙江省。", "11010519491231002X", RedactionKind.IdNumber)]
    [InlineData("联系电话138\n00000000。", "13800000000", RedactionKind.Phone)]
    [InlineData("电话0451-\n86660000。", "0451-86660000", RedactionKind.Phone)]
    [InlineData("账号4111\n111111111111。", "4111111111111111", RedactionKind.BankCard)]
    [InlineData("驾驶黑A\n12345号小型轿车", "黑A12345", RedactionKind.Plate)]
    public void AnIdentifierBrokenAcrossTwoLines_IsWholeAfterJoining_AndTheResidueScanFindsIt(string raw, string whole,
        RedactionKind kind)
    {
        Assert.DoesNotContain(ResidueScan.Of(raw), s => raw.Substring(s.Start, s.Length) == whole);
        var joined = ExtractedText.JoinBrokenLines(raw);
        var found = Assert.Single(ResidueScan.Of(joined));
        Assert.Equal((kind, whole), (found.Kind, joined.Substring(found.Start, found.Length)));
    }

    [Fact]
    public void ASentenceRunningOntoTheNextPage_IsJoined_AndThePageNumbersBetweenAreDropped()
    {
        const string raw = "原告张三，公民身份号码1101051949\n\n第 1 页 共 2 页\f- 2 -\n1231002X，住黑龙江省。";
        Assert.Equal("原告张三，公民身份号码11010519491231002X，住黑龙江省。", ExtractedText.JoinBrokenLines(raw));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("第1页")]
    [InlineData("第 1 页，共 3 页")]
    [InlineData("1/3")]
    [InlineData("— 1 —")]
    // Centred, as a footer is drawn.
    [InlineData("　　　　　　第 1 页")]
    public void APageNumber_AtAPagesFoot_IsNotText(string footer) =>
        Assert.Equal("被告应支付货款10000元。", ExtractedText.JoinBrokenLines($"被告应支付货款\n{footer}\f10000元。"));

    [Fact]
    public void APageNumberLikeLine_InsideAPage_IsText() =>
        Assert.Equal("被告应支付货款1\n2、驳回其他诉讼请求。", ExtractedText.JoinBrokenLines("被告应支付货款\n1\n2、驳回其他诉讼请求。"));

    [Theory]
    // Sentence punctuation, also before a closing quotation mark or bracket.
    [InlineData("本院认为：\n原告的诉讼请求成立。\n判决如下；\n驳回起诉！\n是否？")]
    [InlineData("他说：“我不还。”\n被告辩称")]
    // A blank line, and a paragraph indented with full-width spaces.
    [InlineData("原告张三\n\n被告李四")]
    [InlineData("民事判决书\n　　原告张三")]
    // Numbered items.
    [InlineData("判决如下\n一、被告支付货款\n二、驳回其他诉讼请求")]
    [InlineData("事实如下\n（一）合同订立\n（十二）履行")]
    [InlineData("事实如下\n1.合同订立\n2、履行\n(3)违约")]
    public void ABreakAtASentenceEnd_OrAParagraphOrAHeading_IsKept(string raw) =>
        Assert.Equal(raw, ExtractedText.JoinBrokenLines(raw));

    [Theory]
    // A decimal number is not a numbered item, nor is a case number's year.
    [InlineData("金额为10\n0.5元", "金额为100.5元")]
    [InlineData("本院作出\n（2026）黑01民初1号判决", "本院作出（2026）黑01民初1号判决")]
    public void ALineStartingWithADigit_IsNotANumberedItem_ByThatAlone(string raw, string joined) =>
        Assert.Equal(joined, ExtractedText.JoinBrokenLines(raw));
}
