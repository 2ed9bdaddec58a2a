using ECourt.Domain.Publication;

namespace ECourt.Domain.Tests;

/// <summary>
/// Folding Traditional characters to Simplified, one for one: the check values are the Simplified spellings the 通用规范汉字表
/// (2013) gives for each character; a Simplified or non-Chinese text comes back unchanged and every position stays.
/// </summary>
public class ChineseScriptTests
{
    [Theory]
    [InlineData("臺灣高等法院", "台湾高等法院")]
    [InlineData("歐陽", "欧阳")]
    [InlineData("判決書", "判决书")]
    [InlineData("民事判決書（2024）臺北地院訴字第123號", "民事判决书（2024）台北地院诉字第123号")]
    [InlineData("黃吳鄭陳劉楊趙許謝鍾馮蕭葉蘇盧蔣賴韓顏龔羅", "黄吴郑陈刘杨赵许谢钟冯萧叶苏卢蒋赖韩颜龚罗")]
    [InlineData("住址：臺中市西屯區，電話，身分證統一編號", "住址：台中市西屯区，电话，身分证统一编号")]
    [InlineData("原告與被告離婚，子女撫養權歸原告，遺囑繼承", "原告与被告离婚，子女抚养权归原告，遗嘱继承")]
    [InlineData("壹貳參肆伍陸柒捌玖拾萬億圓", "壹贰参肆伍陆柒捌玖拾万亿圆")]
    [InlineData("戶籍內", "户籍内")]
    // Variant forms Unihan gives no Simplified variant for, and Japanese-style glyph variants of Traditional characters.
    [InlineData("爲衆裏証説鋭", "为众里证说锐")]
    public void TraditionalCharacters_FoldToTheirSimplifiedOnes(string traditional, string simplified) =>
        Assert.Equal(simplified, ChineseScript.ToSimplified(traditional));

    [Theory]
    [InlineData("黑龙江省哈尔滨市中级人民法院民事判决书")]
    [InlineData("乾隆、著作权、覆盖")]
    [InlineData("Case 2024-001, ✓, 𠀀")]
    [InlineData("")]
    public void SimplifiedAndOtherText_StaysAsItIs(string text) => Assert.Same(text, ChineseScript.ToSimplified(text));

    [Fact]
    public void EveryPosition_StaysWhereItWas()
    {
        const string text = "被告歐陽娜娜（身分證字號A123456789）𠀀住臺北市";
        var folded = ChineseScript.ToSimplified(text);
        Assert.Equal(text.Length, folded.Length);
        Assert.Equal(text.IndexOf("臺北市", StringComparison.Ordinal), folded.IndexOf("台北市", StringComparison.Ordinal));
        Assert.Equal("欧阳娜娜", folded.Substring(text.IndexOf("歐陽娜娜", StringComparison.Ordinal), 4));
    }

    [Fact]
    public void FoldingTwice_ChangesNothingMore()
    {
        const string text = "臺灣高等法院民事判決書薴麻爲衆";
        var once = ChineseScript.ToSimplified(text);
        Assert.Equal(once, ChineseScript.ToSimplified(once));
        Assert.False(ChineseScript.HasTraditional(once));
        Assert.True(ChineseScript.HasTraditional(text));
    }
}
