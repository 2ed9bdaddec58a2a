using System.Text.RegularExpressions;

namespace ECourt.Contract.Tests;

/// <summary>
/// Tests wait on the event they expect, never on a fixed sleep: a sleep is a guess at how long something takes, too short on
/// a loaded machine and a silent pass when what must not happen merely has not happened yet. A rough check of the source,
/// so that fixed sleeps cannot come back: every <c>Task.Delay(</c> or <c>Thread.Sleep(</c> in a test file must sit in a
/// polling loop (inside a <c>for</c>, <c>while</c> or <c>do</c>, as its body or in its header) or inside a method named
/// <c>Wait…</c> or <c>Poll…</c> (a helper whose waiting is bounded by its condition). Comments and string literals are
/// ignored. It cannot tell a bounded condition from a sleep inside a loop; reviewers still can.
/// </summary>
public partial class TestWaitingTests
{
    [Fact]
    public void TestFiles_SleepOnlyToPollACondition()
    {
        var fixedSleeps = Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => FixedSleeps(File.ReadAllText(f))
                .Select(line => $"{Path.GetRelativePath(Repository.Root, f).Replace('\\', '/')}:{line}"))
            .ToList();
        Assert.True(fixedSleeps.Count == 0,
            "Wait for a condition (a bounded poll, CourtSteps' Wait… helpers) or, to show that something did not happen, for a "
            + "later sentinel event; not a fixed sleep:\n" + string.Join("\n", fixedSleeps));
    }

    [Fact]
    public void Check_FindsSleepsOutsideLoops_AndAllowsPolls()
    {
        // The sample's sleeps are written SLEEP, so that no scan of the tests' own source mistakes them for real ones.
        var source = """
            class C
            {
                async Task A()
                {
                    await SLEEP(300); // a sleep before an assertion
                    for (var i = 0; i < 10 && !Done(); i++) await SLEEP(50);
                    for (var i = 0; i < 10 && !Done(); i++, await SLEEP(50)) { }
                    while (!Done()) { if (x) { await SLEEP(50); } }
                    do { await SLEEP(50); } while (!Done());
                    var s = "for (;;) { SLEEP(1); }";
                    Func<Task> f = async () => { NAP(10); };
                }

                static async Task<int> WaitForThingAsync(int seconds = 60)
                {
                    if (Done()) return 1;
                    await SLEEP(50);
                    return 0;
                }
            }
            """.Replace("SLEEP(", "Task.Delay(", StringComparison.Ordinal).Replace("NAP(", "Thread.Sleep(", StringComparison.Ordinal);
        Assert.Equal([5, 11], FixedSleeps(source));
    }

    /// <summary>The line numbers (1-based) of sleeps that are neither in a loop nor in a Wait…/Poll… method.</summary>
    private static List<int> FixedSleeps(string source)
    {
        var code = Blank(source);
        var found = new List<int>();
        // The header of each open block (the text before its '{'), and the text of the statement read so far.
        var blocks = new Stack<string>();
        var statementStart = 0;
        var parens = 0;
        for (var i = 0; i < code.Length; i++)
        {
            switch (code[i])
            {
                case '(':
                    parens++;
                    break;
                case ')':
                    parens--;
                    break;
                case '{':
                    blocks.Push(code[statementStart..i]);
                    statementStart = i + 1;
                    break;
                case '}':
                    if (blocks.Count > 0) blocks.Pop();
                    statementStart = i + 1;
                    break;
                case ';' when parens == 0:
                    statementStart = i + 1;
                    break;
                default:
                    if (code[i] is 'T' && Sleep().Match(code, i) is { Success: true } && (i == 0 || !char.IsLetterOrDigit(code[i - 1]))
                        && !Polls(code[statementStart..i]) && !blocks.Any(Polls))
                        found.Add(code.Take(i).Count(c => c == '\n') + 1);
                    break;
            }
        }
        return found;
    }

    /// <summary>A loop's header, or a method named Wait… or Poll….</summary>
    private static bool Polls(string header) => LoopOrWaitHelper().IsMatch(header);

    /// <summary>The source with comments and string and character literals blanked out, lines kept where they were.</summary>
    private static string Blank(string source) =>
        Literals().Replace(source, m => new string(m.Value.Select(c => c == '\n' ? '\n' : ' ').ToArray()));

    [GeneratedRegex(@"\G(Task\.Delay|Thread\.Sleep)\s*\(")]
    private static partial Regex Sleep();

    [GeneratedRegex(@"^\s*(for|while|do)\b|^[^=(]*\b(Wait|Poll)\w*\s*(<[^>]*>)?\s*\(")]
    private static partial Regex LoopOrWaitHelper();

    [GeneratedRegex("""//[^\n]*|/\*[\s\S]*?\*/|"{3}[\s\S]*?"{3}|@"(?:""|[^"])*"|\$?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\])'""")]
    private static partial Regex Literals();
}
