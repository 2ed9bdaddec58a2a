using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;

namespace ECourt.Contract.Tests;

/// <summary>
/// Every problem type the code raises is in the catalogue the API document publishes: read from the code, the way a rule
/// is raised (a DomainRuleException, a ConflictException, a refusal's rule name, an ApiProblem's type).
/// </summary>
public partial class ProblemCatalogueTests
{
    /// <summary>A rule's name as the code raises it: an exception's first argument, a type, a refusal's rule.</summary>
    private const string RaisedPattern =
        """(?:DomainRuleException|ConflictException|Invalid|ApiProblem\.Rule|ApiProblem\.Conflict)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)*)\x22"""
        + """|TypePrefix \+ "([a-z0-9-]+)"|RuleName = "([a-z0-9-]+)\x22"""
        + """|return \("([a-z0-9]+(?:-[a-z0-9]+)+)",\s|Exception Invalid\(\) => new\("([a-z0-9-]+)"[,)]""";

    [GeneratedRegex(RaisedPattern)]
    private static partial Regex Raised();

    /// <summary>Every type name the code raises, with the file that raises it.</summary>
    private static List<(string Name, string File)> RaisedTypes()
    {
        var found = new List<(string, string)>();
        foreach (var folder in new[] { "domain", "application", "functions", "adapters", "orchestrations" })
            foreach (var file in Directory.EnumerateFiles(Repository.Path_(folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains("/bin/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal)) continue;
                // Bank messages' rules are dead-letter reasons, not problems an HTTP caller gets.
                if (file.Contains("BankStatementRules", StringComparison.Ordinal) || file.Contains("BankCreditRules",
                    StringComparison.Ordinal))
                    continue;
                foreach (Match m in Raised().Matches(File.ReadAllText(file)))
                    found.Add((m.Groups.Values.Skip(1).First(g => g.Success).Value, Path.GetFileName(file)));
            }
        return found;
    }

    [Fact]
    public void EveryProblemTypeTheCodeRaises_IsCatalogued()
    {
        var raised = RaisedTypes();
        Assert.Contains(raised, r => r.Name == "fee-aid-already-applied");
        Assert.Contains(raised, r => r.Name == "public-notice-needs-reasons");
        Assert.Contains(raised, r => r.Name == "stale-if-match");
        var missing = raised.Where(r => ProblemCatalogue.Find(r.Name) is null).Select(r => $"{r.Name} ({r.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Raised but not in ProblemCatalogue: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheCatalogue_ListsNoTypeTheCodeNeverRaises()
    {
        var raised = RaisedTypes().Select(r => r.Name).ToHashSet();
        var unused = ProblemCatalogue.Entries.Select(e => e.Name).Where(n => !raised.Contains(n)).ToList();
        Assert.True(unused.Count == 0, "Catalogued but never raised: " + string.Join(", ", unused));
    }

    [Fact]
    public void TheDocument_PublishesTheCatalogue_AndTheDocsPageShowsIt()
    {
        var document = JsonNode.Parse(ApiDocument.Text)!;
        var published = document["components"]!["x-problem-types"]!.AsArray();
        Assert.Equal(ProblemCatalogue.Entries.Count, published.Count);
        Assert.Contains(published, p => p!["type"]!.GetValue<string>() == "urn:ecourt:problem:fee-aid-already-applied"
            && p["status"]!.AsArray().Single()!.GetValue<int>() == 422);
        Assert.Contains("| `fee-aid-already-applied` | 422 |", document["info"]!["description"]!.GetValue<string>(),
            StringComparison.Ordinal);
    }
}
