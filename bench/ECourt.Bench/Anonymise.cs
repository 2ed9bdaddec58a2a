using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ECourt.Domain.Publication;

namespace ECourt.Bench;

/// <summary>
/// Anonymising judgments for publication (domain/Publication, in memory): N judgments of about B characters each, written in the
/// style of a civil judgment and carrying the data the rules protect (names, identity numbers, phones, an address, a card, a plate),
/// anonymised one by one as a release would; the baseline of the same run is one regular-expression pass (the mobile-number pattern)
/// over the same texts. Rounds alternate their order and the median of each is reported; allocation is measured per MB of text.
/// </summary>
public static partial class Anonymise
{
    private static readonly ProtectedPerson[] People =
    [
        new("张三丰", PersonRole.Plaintiff, IdNumber: "11010519491231002X", Phone: "13800000000", Address: "哈尔滨市南岗区示例路1号"),
        new("李四", PersonRole.Defendant, Phone: "13900000000", Address: "哈尔滨市道里区示例街2号"),
        new("欧阳娜娜", PersonRole.ThirdParty),
        new("王律师", PersonRole.Agent),
        new("赵法官", PersonRole.Judge),
    ];

    private const string Paragraph =
        "原告张三丰，男，1980年1月1日出生，汉族，住哈尔滨市南岗区示例路1号，公民身份号码11010519491231002X，联系电话13800000000。"
        + "被告李四，女，1982年3月5日出生，住哈尔滨市道里区示例街2号，电话13900000000。第三人欧阳娜娜。委托诉讼代理人王律师，示例律师事务所律师。"
        + "原告张三丰向本院提出诉讼请求：判令被告李四返还借款100000元，款项汇入账号4111111111111111，被告曾驾驶黑A12345号车辆。"
        + "本院认为，当事人对自己提出的诉讼请求所依据的事实有责任提供证据加以证明。审判员赵法官。书记员。（2026）黑01民初1号。\n";

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobiles();

    public static void Run(int judgments, int charsEach, int rounds)
    {
        var repeats = Math.Max(1, charsEach / Paragraph.Length);
        var texts = Enumerable.Range(0, judgments).Select(_ => string.Concat(Enumerable.Repeat(Paragraph, repeats))).ToList();
        var megabytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t)) / (1024.0 * 1024.0);
        // Warm both paths (JIT, regex construction) before measuring.
        Anonymised(texts.Take(10).ToList());
        Scanned(texts.Take(10).ToList());

        var anonymise = new List<double>();
        var baseline = new List<double>();
        long allocated = 0;
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0) { anonymise.Add(Timed(() => allocated = Anonymised(texts))); baseline.Add(Timed(() => Scanned(texts))); }
            else { baseline.Add(Timed(() => Scanned(texts))); anonymise.Add(Timed(() => allocated = Anonymised(texts))); }
        }
        var a = Median(anonymise);
        var b = Median(baseline);
        Console.WriteLine($"anonymise {judgments} judgments of {repeats * Paragraph.Length} characters ({megabytes:0.0} MB UTF-8), "
            + $"{rounds} rounds, {Machine.Describe()}");
        var perMb = allocated / megabytes / (1024 * 1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| anonymise, median | {a:0} ms | {megabytes / (a / 1000):0.0} MB/s | allocated {perMb:0.0} MB per MB |"));
        var rate = megabytes / (b / 1000);
        Console.Write(string.Create(CultureInfo.InvariantCulture, $"| one regex pass, median | {b:0} ms | {rate:0.0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" | ratio regex ÷ anonymise {b / a:0.00} (target ≥ 0.3) |"));
    }

    private static long Anonymised(IReadOnlyList<string> texts)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var redactions = 0;
        foreach (var t in texts) redactions += Anonymiser.Anonymise(t, People, JudgmentCaseKind.Family).Redactions.Count;
        if (redactions == 0) throw new InvalidOperationException("Nothing was redacted.");
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long Scanned(IReadOnlyList<string> texts)
    {
        var found = 0;
        foreach (var t in texts) found += Mobiles().Count(t);
        return found;
    }

    private static double Timed(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
