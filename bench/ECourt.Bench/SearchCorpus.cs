using System.Globalization;
using System.Text;
using ECourt.Application.Publication;

namespace ECourt.Bench;

/// <summary>
/// Synthetic published judgments for the search benchmark, the same on every run (one seeded generator): eight causes, each a
/// template in the style of a first-instance civil judgment, filled with pseudonymised parties (surname + 某), companies, six
/// courts of the Harbin group, amounts and dates, and a varying number of paragraphs of reasoning drawn from a pool, so each
/// text is 1,000–1,700 characters (about 3–5 KB as UTF-8).
/// </summary>
public static class SearchCorpus
{
    private static readonly (string Code, string Name)[] Courts =
    [
        ("黑01", "黑龙江省哈尔滨市中级人民法院"), ("黑0102", "哈尔滨市道里区人民法院"), ("黑0103", "哈尔滨市南岗区人民法院"),
        ("黑0104", "哈尔滨市道外区人民法院"), ("黑0108", "哈尔滨市平房区人民法院"), ("黑0109", "哈尔滨市松北区人民法院"),
    ];

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "欧阳"];

    private static readonly string[] Firms = ["华信", "龙江", "北方", "冰城", "松花江", "远东", "金桥", "兴达", "鸿运", "宏图"];

    private static readonly string[] Districts = ["道里区", "南岗区", "道外区", "平房区", "松北区", "香坊区", "呼兰区", "阿城区"];

    private sealed record Template(string Cause, string Claims, string Facts, string Holding);

    private static readonly Template[] Templates =
    [
        new("民间借贷纠纷", "判令被告偿还借款{amount}元及自起诉之日起按全国银行间同业拆借中心公布的一年期贷款市场报价利率计算的利息",
            "被告因经营需要向原告借款{amount}元，并出具借条一份，约定借款期限一年。借款到期后，原告多次催要，被告至今未还款。",
            "被告于本判决生效之日起十日内偿还原告借款本金{amount}元及利息"),
        new("买卖合同纠纷", "判令被告支付货款{amount}元及逾期付款违约金",
            "原告与被告签订买卖合同，约定原告向被告供应钢材，被告收货后三十日内付清货款。原告依约交货，被告仅支付部分货款。",
            "被告于本判决生效之日起十日内支付原告货款{amount}元及逾期付款违约金"),
        new("劳动争议", "判令被告支付拖欠的工资{amount}元及解除劳动合同的经济补偿金",
            "原告于入职被告处从事仓储管理工作，双方签订劳动合同。被告自去年起拖欠原告工资，原告以此为由解除劳动合同并申请劳动仲裁。",
            "被告于本判决生效之日起十日内支付原告工资{amount}元及经济补偿金"),
        new("机动车交通事故责任纠纷", "判令被告赔偿医疗费、误工费、护理费等各项损失共计{amount}元",
            "被告驾驶小型轿车在道路上行驶时与原告驾驶的电动自行车相撞，致原告受伤。交警部门认定被告负事故全部责任。",
            "被告保险公司于本判决生效之日起十日内在交强险限额内赔偿原告各项损失{amount}元"),
        new("物业服务合同纠纷", "判令被告支付物业服务费{amount}元及滞纳金",
            "原告为被告所在小区提供物业服务，被告自前年起未缴纳物业服务费，经原告多次催缴仍未缴纳。",
            "被告于本判决生效之日起十日内支付原告物业服务费{amount}元"),
        new("继承纠纷", "判令被继承人名下房屋一套及存款{amount}元由原告与被告依法继承",
            "被继承人生前未留有遗嘱，其遗产包括房屋一套及银行存款。原告与被告均为第一顺序继承人，因遗产分割协商不成诉至本院。",
            "被继承人遗留的存款{amount}元由原告与被告各继承二分之一，房屋归原告所有，原告向被告支付折价款"),
        new("金融借款合同纠纷", "判令被告偿还贷款本金{amount}元及罚息、复利，原告对抵押房屋享有优先受偿权",
            "原告银行与被告签订借款合同及抵押合同，被告以其名下房屋提供抵押担保并办理抵押登记。被告未按期还款，构成违约。",
            "被告于本判决生效之日起十日内偿还原告贷款本金{amount}元及罚息，原告对抵押房屋折价或者拍卖、变卖所得价款享有优先受偿权"),
        new("房屋租赁合同纠纷", "判令解除房屋租赁合同，被告支付拖欠租金{amount}元并腾退房屋",
            "原告将其所有的商铺出租给被告经营，双方签订房屋租赁合同，约定租期三年。被告自去年起拖欠租金，经催告后仍未支付。",
            "解除原告与被告签订的房屋租赁合同，被告于本判决生效之日起十日内支付原告租金{amount}元并腾退房屋"),
    ];

    private static readonly string[] Reasoning =
    [
        "本院认为，当事人对自己提出的诉讼请求所依据的事实或者反驳对方诉讼请求所依据的事实，应当提供证据加以证明。",
        "依法成立的合同，对当事人具有法律约束力，当事人应当按照约定全面履行自己的义务。",
        "被告经本院合法传唤，无正当理由拒不到庭参加诉讼，视为放弃答辩、质证的权利，本院依法缺席审理。",
        "原告提交的证据形成完整的证据链，能够证明其主张的事实，本院予以采信。",
        "被告辩称其已经部分履行，但未提交相应证据予以证明，对其该项抗辩意见本院不予采纳。",
        "关于利息的计算标准，双方约定的利率未超过合同成立时一年期贷款市场报价利率四倍，本院予以支持。",
        "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
        "本案经调解，双方当事人未能达成一致意见。",
        "原告主张的律师费，因双方合同对此没有约定，本院不予支持。",
        "对于原告主张的鉴定费，系为查明案件事实所支出的必要费用，由被告负担。",
        "庭审中，原告申请对涉案房屋价值进行评估，本院依法委托评估机构作出评估报告，双方对评估结论均无异议。",
        "被告对原告主张的欠款数额无异议，但表示暂无能力偿还，希望分期履行，原告不同意。",
    ];

    /// <summary>The n-th judgment of the corpus; the same n gives the same judgment on every run.</summary>
    public static List<IndexedJudgment> Generate(int count)
    {
        var random = new Random(18);
        var judgments = new List<IndexedJudgment>(count);
        var sequence = new Dictionary<(string, int), int>();
        for (var n = 0; n < count; n++)
        {
            var template = Templates[random.Next(Templates.Length)];
            var (code, court) = Courts[random.Next(Courts.Length)];
            var decided = new DateOnly(2023, 1, 1).AddDays(random.Next(4 * 365));
            var number = sequence[(code, decided.Year)] = sequence.GetValueOrDefault((code, decided.Year)) + 1;
            var caseNumber = $"（{decided.Year}）{code}民初{number}号";
            var plaintiff = Surnames[random.Next(Surnames.Length)] + "某";
            var defendant = random.Next(3) == 0
                ? $"哈尔滨{Firms[random.Next(Firms.Length)]}商贸有限公司"
                : Surnames[random.Next(Surnames.Length)] + "某";
            var amount = (random.Next(1, 2000) * 1000).ToString(CultureInfo.InvariantCulture);
            string Fill(string s) => s.Replace("{amount}", amount, StringComparison.Ordinal);
            var text = new StringBuilder();
            text.Append(court).Append("\n民事判决书\n").Append(caseNumber).Append('\n');
            text.Append($"原告：{plaintiff}，住黑龙江省哈尔滨市{Districts[random.Next(Districts.Length)]}。\n");
            text.Append($"被告：{defendant}，住所地黑龙江省哈尔滨市{Districts[random.Next(Districts.Length)]}。\n");
            text.Append($"原告{plaintiff}与被告{defendant}{template.Cause}一案，本院于{decided.AddDays(-90):yyyy年M月d日}立案后，依法适用普通程序，");
            text.Append("公开开庭进行了审理。原告及其委托诉讼代理人到庭参加诉讼。本案现已审理终结。\n");
            text.Append($"{plaintiff}向本院提出诉讼请求：{Fill(template.Claims)}。事实和理由：{Fill(template.Facts)}\n");
            text.Append($"本院经审理认定事实如下：{Fill(template.Facts)}上述事实，有当事人陈述及经庭审质证的证据在案佐证。\n");
            for (var p = 10 + random.Next(16); p > 0; p--) text.Append(Reasoning[random.Next(Reasoning.Length)]);
            text.Append("\n依照《中华人民共和国民法典》及《中华人民共和国民事诉讼法》之规定，判决如下：\n");
            text.Append($"{Fill(template.Holding)}。\n如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，");
            text.Append("加倍支付迟延履行期间的债务利息。\n案件受理费由被告负担。\n如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，");
            text.Append("上诉于黑龙江省高级人民法院。\n审判长 赵建国\n审判员 钱立新\n人民陪审员 孙红梅\n");
            text.Append($"{decided:yyyy年M月d日}\n书记员 周晓明\n");
            judgments.Add(new IndexedJudgment($"jd{n:D6}", 1, caseNumber, code, template.Cause, decided, decided.AddDays(7),
                $"{plaintiff}与{defendant}{template.Cause}一审民事判决书", text.ToString()));
        }
        return judgments;
    }

    /// <summary>
    /// A mixed query set, the same on every run: one word (common, middling, rare), two words, a word with a court, cause or date
    /// filter, and filters without text; a few ask for the second page.
    /// </summary>
    public static List<JudgmentQuery> Queries(int count)
    {
        string[] single = ["借款", "违约金", "劳动合同", "物业服务费", "抵押登记", "交强险", "遗嘱", "腾退", "鉴定费", "评估报告", "缺席审理", "冰城商贸"];
        string[] pairs = ["借款 利息", "劳动合同 经济补偿金", "房屋 抵押", "货款 违约金", "租金 商铺", "医疗费 误工费", "王某 借条", "遗产 房屋"];
        var random = new Random(1818);
        var queries = new List<JudgmentQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var skip = random.Next(10) == 0 ? 20 : 0;
            var (code, _) = Courts[random.Next(Courts.Length)];
            var cause = Templates[random.Next(Templates.Length)].Cause;
            var from = new DateOnly(2023, 1, 1).AddDays(random.Next(3 * 365));
            queries.Add((i % 5) switch
            {
                0 or 1 => new JudgmentQuery(single[random.Next(single.Length)], null, null, null, null, null, skip, 20),
                2 => new JudgmentQuery(pairs[random.Next(pairs.Length)], null, null, null, null, null, skip, 20),
                3 => random.Next(3) switch
                {
                    0 => new JudgmentQuery(single[random.Next(single.Length)], null, code, null, null, null, skip, 20),
                    1 => new JudgmentQuery(single[random.Next(single.Length)], null, null, cause, null, null, skip, 20),
                    _ => new JudgmentQuery(single[random.Next(single.Length)], null, null, null, from, from.AddDays(180), skip, 20),
                },
                _ => new JudgmentQuery(null, null, code, cause, from, from.AddDays(365), skip, 20),
            });
        }
        return queries;
    }
}
