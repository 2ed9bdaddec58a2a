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

/// <summary>
/// What the record does not say but the judgment's words do (DOMAIN.md "Publishing judgments": decedents and children in family
/// cases, victims and witnesses in criminal cases are people the rules protect; an organisation's 法定代表人 is not a minor's 法定代理人).
/// </summary>
public class UnrecordedPeopleTests
{
    [Theory]
    [InlineData("被继承人李长山于2022年去世，李长山生前未立遗嘱。", JudgmentCaseKind.Family, "李长山")]
    [InlineData("婚后生育一女古丽娜尔·艾力（2010年出生）。", JudgmentCaseKind.Family, "古丽娜尔·艾力")]
    [InlineData("被继承人欧阳振华立代书遗嘱。", JudgmentCaseKind.Family, "欧阳振华")]
    [InlineData("有被害人卢美玲、叶建华、葛淑芬的陈述。", JudgmentCaseKind.Criminal, "卢美玲|叶建华|葛淑芬")]
    [InlineData("证人鄂文华证实，被害人王某的陈述。", JudgmentCaseKind.Criminal, "鄂文华")]
    // Not a name: a preposition, a pseudonym already, a role in an ordinary case.
    [InlineData("被害人向其控制的账户转账，被害人于案发当晚报警。", JudgmentCaseKind.Criminal, "")]
    [InlineData("证人李四证实。", JudgmentCaseKind.Ordinary, "")]
    public void ProtectedRoles_IntroduceTheNamesTheyProtect(string text, JudgmentCaseKind kind, string names) =>
        Assert.Equal(names, string.Join('|', UnrecordedPeople.Find(text, kind)));

    [Fact]
    public void AnOrganisationsLegalRepresentative_IsKept_AMinorsIsNot()
    {
        var result = Anonymiser.Anonymise("原告杜子轩，法定代理人杜国庆。被告某小学，法定代表人：米兰，校长。",
            [new("杜子轩", PersonRole.Plaintiff, Minor: true), new("杜国庆", PersonRole.LegalRepresentative),
                new("某小学", PersonRole.Defendant, Organisation: true), new("米兰", PersonRole.LegalRepresentative)],
            JudgmentCaseKind.Ordinary);
        Assert.Equal("原告杜某1，法定代理人杜某2。被告某小学，法定代表人：米兰，校长。", result.Text);
    }

    [Fact]
    public void AnAddressFoundOnce_IsDeletedWhereverItRecurs_AndAShortNameWithItsPerson()
    {
        var result = Anonymiser.Anonymise("原告刘小明（以下简称小明），住哈尔滨市南岗区示例路1号3栋。示例路1号3栋的房屋由小明居住。",
            [new("刘小明", PersonRole.Plaintiff, Minor: true)], JudgmentCaseKind.Ordinary);
        Assert.Equal("原告刘某（以下简称刘某），住哈尔滨市南岗区。的房屋由刘某居住。", result.Text);
    }
}
