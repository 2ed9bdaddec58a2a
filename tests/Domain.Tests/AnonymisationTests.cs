using ECourt.Domain.Publication;

namespace ECourt.Domain.Tests;

/// <summary>
/// Anonymising a judgment for publication (DOMAIN.md "Publishing judgments" and its details; SPC Provisions on Publishing Judgments
/// on the Internet, 2016): pseudonyms by the rule's own examples, identifiers by their standards' check values (GB 11643-1999's
/// example number, the Luhn test card), domicile to county level, and what is never masked.
/// </summary>
public class AnonymisationTests
{
    [Theory]
    [InlineData("张三丰", false, false, "张某")]
    [InlineData("欧阳娜娜", false, false, "欧阳某")]
    [InlineData("诸葛明", false, false, "诸葛某")]
    [InlineData("阿依古丽", true, false, "阿某")]
    [InlineData("约翰·史密斯", false, true, "约某")]
    [InlineData("John Smith", false, true, "J")]
    public void APseudonym_KeepsTheSurname_OrTheFirstCharacter_OrTheFirstLetter(string name, bool minority, bool foreign,
        string expected) =>
        Assert.Equal(expected, Pseudonyms.Of(name, minority, foreign));

    [Fact]
    public void PeopleWhoWouldLookTheSame_AreNumbered_TheSamePersonOnce()
    {
        var map = Pseudonyms.For([new("张三", PersonRole.Plaintiff), new("张四", PersonRole.Defendant), new("张三", PersonRole.Plaintiff),
            new("李五", PersonRole.ThirdParty)]);
        Assert.Equal(("张某1", "张某2", "李某"), (map["张三"], map["张四"], map["李五"]));
    }

    [Theory]
    [InlineData("身份证号码11010519491231002X。", RedactionKind.IdNumber, "11010519491231002X")]
    [InlineData("电话13800000000，", RedactionKind.Phone, "13800000000")]
    [InlineData("电话0451-86612345，", RedactionKind.Phone, "0451-86612345")]
    [InlineData("账号4111111111111111。", RedactionKind.BankCard, "4111111111111111")]
    [InlineData("车牌号黑A12345的轿车", RedactionKind.Plate, "黑A12345")]
    [InlineData("邮箱liu@example.com。", RedactionKind.Email, "liu@example.com")]
    public void WhatLooksLikeProtectedData_IsFound(string text, RedactionKind kind, string value)
    {
        var span = Assert.Single(SensitiveData.Find(text), s => s.Kind == kind);
        Assert.Equal(value, text.Substring(span.Start, span.Length));
    }

    [Theory]
    // A check character that is wrong is not an identity number; 12 digits are not a mobile; a failed Luhn digit is not a card.
    [InlineData("编号110105194912310021", RedactionKind.IdNumber)]
    [InlineData("编号138000000001", RedactionKind.Phone)]
    [InlineData("编号4111111111111112", RedactionKind.BankCard)]
    public void WhatOnlyLooksAlike_IsNotTaken(string text, RedactionKind kind) =>
        Assert.DoesNotContain(SensitiveData.Find(text), s => s.Kind == kind);

    [Theory]
    [InlineData("哈尔滨市南岗区示例路1号", "哈尔滨市南岗区")]
    [InlineData("北京市朝阳区建国路88号院3号楼", "北京市朝阳区")]
    [InlineData("黑龙江省五常市示例镇示例村", "黑龙江省五常市")]
    [InlineData("黑龙江省依兰县示例乡", "黑龙江省依兰县")]
    public void ADomicile_IsKeptToCountyLevel(string address, string kept) => Assert.Equal(kept, CountyLevel.Of(address));

    private const string Text =
        "原告张三丰，男，1980年1月1日出生，住哈尔滨市南岗区示例路1号，公民身份号码11010519491231002X，电话13800000000。"
        + "被告李四，女。委托诉讼代理人王律师，示例律师事务所律师。原告张三丰诉称，被告曾用黑A12345号车辆。审判员赵法官。（2026）黑01民初1号";

    private static readonly ProtectedPerson[] People =
    [
        new("张三丰", PersonRole.Plaintiff, IdNumber: "11010519491231002X", Phone: "13800000000", Address: "哈尔滨市南岗区示例路1号"),
        new("李四", PersonRole.Defendant),
        new("王律师", PersonRole.Agent),
        new("赵法官", PersonRole.Judge),
    ];

    [Fact]
    public void AFamilyCase_PseudonymisesTheParties_DeletesIdentifiers_KeepsJudgeLawyerAndCaseNumber()
    {
        var result = Anonymiser.Anonymise(Text, People, JudgmentCaseKind.Family);
        Assert.Equal(
            "原告张某，男，1980年1月1日出生，住哈尔滨市南岗区，公民身份号码，电话。被告李某，女。委托诉讼代理人王律师，示例律师事务所律师。"
            + "原告张某诉称，被告曾用号车辆。审判员赵法官。（2026）黑01民初1号", result.Text);
        var first = result.Redactions[0];
        Assert.Equal((RedactionKind.Name, Text.IndexOf("张三丰", StringComparison.Ordinal), 3), (first.Kind, first.Start, first.Length));
        Assert.Empty(ResidueScan.Of(result.Text));
    }

    [Fact]
    public void AnOrdinaryCase_KeepsThePartiesNames_ButNotTheirIdentifiers()
    {
        var result = Anonymiser.Anonymise(Text, People, JudgmentCaseKind.Ordinary);
        Assert.Contains("原告张三丰，男", result.Text);
        Assert.Contains("被告李四", result.Text);
        Assert.DoesNotContain("11010519491231002X", result.Text);
        Assert.DoesNotContain("13800000000", result.Text);
        Assert.DoesNotContain(result.Redactions, r => r.Kind == RedactionKind.Name);
    }

    [Fact]
    public void AMinor_AndItsLegalRepresentative_ArePseudonymisedInAnyCase()
    {
        var result = Anonymiser.Anonymise("原告刘小明，法定代理人刘大明。被告某公司。", [new("刘小明", PersonRole.Plaintiff, Minor: true),
            new("刘大明", PersonRole.LegalRepresentative), new("某公司", PersonRole.Defendant, Organisation: true)], JudgmentCaseKind.Ordinary);
        Assert.Equal("原告刘某1，法定代理人刘某2。被告某公司。", result.Text);
    }

    [Fact]
    public void TheResidueScan_FindsWhatStillLooksProtected()
    {
        Assert.Equal([RedactionKind.BankCard], ResidueScan.Of("还款至账号4111111111111111").Select(s => s.Kind));
        Assert.Empty(ResidueScan.Of(Anonymiser.Anonymise("还款至账号4111111111111111", [], JudgmentCaseKind.Ordinary).Text));
    }
}

/// <summary>
/// What the case record does not know (issue 18: property certificate numbers, landlines, emails, home addresses): found by their
/// forms and by the words that introduce them, each with a value courts write (the certificate forms of the Real Estate Registration
/// Regulations' implementing rules and the older house-ownership certificates; addresses cut to county level as DOMAIN.md says).
/// </summary>
public class UnknownDataTests
{
    private static string Published(string text) => Anonymiser.Anonymise(text, [], JudgmentCaseKind.Ordinary).Text;

    [Theory]
    [InlineData("该房屋登记在被告名下，不动产权证号为黑（2020）哈尔滨市不动产权第0012345号。", "该房屋登记在被告名下，不动产权证号为。")]
    [InlineData("房屋所有权证号为哈房权证里字第201012345号，", "房屋所有权证号为，")]
    [InlineData("产权证号：沪房地浦字（2005）第012345号。", "产权证号：。")]
    [InlineData("房产证号：1401234567。", "房产证号：。")]
    public void PropertyCertificateNumbers_AreDeleted(string text, string published) => Assert.Equal(published, Published(text));

    [Theory]
    [InlineData("被告李四，男，住哈尔滨市道里区示例街2号3栋2单元501室。", "被告李四，男，住哈尔滨市道里区。")]
    [InlineData("原告家住黑龙江省五常市示例镇示例村3组，", "原告家住黑龙江省五常市，")]
    [InlineData("现居住于新疆维吾尔自治区乌鲁木齐市天山区示例路1号的出租房内。", "现居住于新疆维吾尔自治区乌鲁木齐市天山区的出租房内。")]
    [InlineData("户籍地黑龙江省五常市示例小区3栋，", "户籍地黑龙江省五常市，")]
    [InlineData("原告因伤住院治疗二十日。", "原告因伤住院治疗二十日。")]
    [InlineData("原告住哈尔滨市南岗区。", "原告住哈尔滨市南岗区。")]
    // An organisation's registered address is not personal data: kept.
    [InlineData("被告哈尔滨示例贸易有限公司，住所地哈尔滨市南岗区示例路1号。", "被告哈尔滨示例贸易有限公司，住所地哈尔滨市南岗区示例路1号。")]
    public void UnknownHomeAddresses_AreCutToCountyLevel(string text, string published) => Assert.Equal(published, Published(text));

    [Theory]
    [InlineData("电话（0451）86612345。", "电话。")]
    [InlineData("电话0451 8661234。", "电话。")]
    [InlineData("联系电话：86612345。", "联系电话：。")]
    [InlineData("手机138-0000-0000、+86 13900000000。", "手机、。")]
    [InlineData("電話(02)2345-6789。", "電話。")]
    [InlineData("邮箱wang.fang@example.com.cn。", "邮箱。")]
    [InlineData("账号：2301 0123 4567 8901 234。", "账号：。")]
    public void LandlinesMobilesEmailsAndAccounts_InTheirWrittenForms_AreDeleted(string text, string published) =>
        Assert.Equal(published, Published(text));

    [Theory]
    [InlineData("新疆维吾尔自治区乌鲁木齐市天山区示例路1号", "新疆维吾尔自治区乌鲁木齐市天山区")]
    [InlineData("江苏省苏州市工业园区星湖街328号", "江苏省苏州市")]
    [InlineData("彰化县彰化市中山路一段1号", "彰化县彰化市")]
    [InlineData("上海市浦东新区示例路1弄2号", "上海市浦东新区")]
    [InlineData("内蒙古自治区呼伦贝尔市鄂温克族自治旗示例镇", "内蒙古自治区呼伦贝尔市鄂温克族自治旗")]
    public void ADomicile_IsKeptToCountyLevel_ByItsAdministrativeUnits(string address, string kept) =>
        Assert.Equal(kept, CountyLevel.Of(address));
}
