namespace ECourt.Contract.Tests;

/// <summary>
/// What .editorconfig cannot make the build check: lines stay under 140 characters. Files older than the limit keep at
/// most the long lines they had (long-lines.txt); every other file has none.
/// </summary>
public class CodeStyleTests
{
    private const int MaxLineLength = 140;

    private static readonly string[] SourceRoots =
        ["domain", "application", "orchestrations", "adapters", "functions", "localhost", "tests", "bench"];

    private static Dictionary<string, int> Baseline() =>
        File.ReadLines(Path.Combine(Repository.Root, "tests", "Contract.Tests", "long-lines.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', 2))
        .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<string> SourceFiles() => SourceRoots
        .SelectMany(root => Directory.EnumerateFiles(Path.Combine(Repository.Root, root), "*.cs", SearchOption.AllDirectories))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void NoFile_HasMoreLongLines_ThanItHadWhenTheLimitCameIn()
    {
        var baseline = Baseline();
        var grown = SourceFiles()
            .Select(f => (Path: Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'),
                Long: File.ReadLines(f).Count(l => l.Length > MaxLineLength)))
            .Where(f => f.Long > baseline.GetValueOrDefault(f.Path))
            .Select(f => $"{f.Path}: {f.Long} lines over {MaxLineLength} (allowed {baseline.GetValueOrDefault(f.Path)})")
            .ToList();
        Assert.Empty(grown);
    }

    [Fact]
    public void Baseline_NamesOnlyFilesThatExist()
    {
        Assert.All(Baseline().Keys, path =>
            Assert.True(File.Exists(Path.Combine(Repository.Root, path)), $"{path} is gone: drop it from long-lines.txt"));
    }
}
