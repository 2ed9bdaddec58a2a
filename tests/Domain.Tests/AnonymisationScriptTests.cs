using ECourt.Domain.Publication;

namespace ECourt.Domain.Tests;

/// <summary>
/// Anonymising Traditional text (DOMAIN.md "Publishing judgments"; issue 18: Simplified and Traditional characters): a name the case
/// record spells in one script is found in the other, the pseudonym keeps the surname as the text writes it, and the words that
/// introduce a phone, identity number or account in Traditional (電話, 身分證, 帳號) work as their Simplified forms do.
/// </summary>
public class AnonymisationScriptTests
{
    [Fact]
    public void ATraditionalText_IsAnonymised_WithTheRecordsSimplifiedNames_AndKeepsItsOwnScript()
    {
        const string text = "原告歐陽娜娜，女，住臺北市大安區信義路三段100號5樓。被告張三、第三人张四。法官陳志明。";
        var result = Anonymiser.Anonymise(text, [new("欧阳娜娜", PersonRole.Plaintiff, Address: "台北市大安区信义路三段100号5楼"),
            new("张三", PersonRole.Defendant), new("张四", PersonRole.ThirdParty), new("陈志明", PersonRole.Judge)],
            JudgmentCaseKind.Family);
        Assert.Equal("原告歐陽某，女，住臺北市大安區。被告張某1、第三人张某2。法官陳志明。", result.Text);
    }

    [Fact]
    public void ASimplifiedText_IsAnonymised_WithTheRecordsTraditionalNames()
    {
        var result = Anonymiser.Anonymise("原告欧阳娜娜与被告黄伟离婚纠纷一案。", [new("歐陽娜娜", PersonRole.Plaintiff),
            new("黃偉", PersonRole.Defendant)], JudgmentCaseKind.Family);
        Assert.Equal("原告欧阳某与被告黄某离婚纠纷一案。", result.Text);
    }

    [Theory]
    [InlineData("聯絡電話：86612345。", "聯絡電話：。")]
    [InlineData("身分證統一編號：A123456789，", "身分證統一編號：，")]
    [InlineData("匯款至帳號：12345678901號帳戶。", "匯款至帳號：號帳戶。")]
    public void TraditionalWords_IntroduceWhatTheyIntroduceInSimplified(string text, string published) =>
        Assert.Equal(published, Anonymiser.Anonymise(text, [], JudgmentCaseKind.Ordinary).Text);
}
