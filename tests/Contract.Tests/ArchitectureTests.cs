using System.Reflection;
using System.Text.RegularExpressions;

namespace ECourt.Contract.Tests;

/// <summary>The layer arrows and stage modules of ARCHITECTURE.md, checked on the built assemblies and the sources.</summary>
public class ArchitectureTests
{
    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IReadOnlyList<string> References(string assembly) =>
        Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IsFramework(string name) => name is "netstandard" or "mscorlib"
        || name.StartsWith("System", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    private static bool IsExtensionsAbstraction(string name) => name is "Microsoft.Extensions.DependencyInjection.Abstractions"
        or "Microsoft.Extensions.Logging.Abstractions" or "Microsoft.Extensions.Options";

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        var refs = References("ECourt.Domain");
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(IsFramework(r), $"domain references {r}"));
    }

    [Fact]
    public void Application_ReferencesOnlyDomain_AndTheExtensionsAbstractions()
    {
        var refs = References("ECourt.Application");
        Assert.Contains("ECourt.Domain", refs);
        Assert.All(refs, r => Assert.True(IsFramework(r) || r == "ECourt.Domain" || IsExtensionsAbstraction(r),
            $"application references {r}"));
    }

    [Fact]
    public void Orchestrations_ReferenceOnlyApplicationDomainAndDurableTask()
    {
        Assert.All(References("ECourt.Orchestrations"), r => Assert.True(
            IsFramework(r) || r is "ECourt.Domain" or "ECourt.Application"
                || r.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal)
                || IsExtensionsAbstraction(r),
            $"orchestrations references {r}"));
    }

    [Fact]
    public void Adapters_ReferenceApplicationDomainAndSdks_NotOrchestrationsOrFunctions()
    {
        var refs = References("ECourt.Adapters");
        Assert.Contains("ECourt.Domain", refs);
        Assert.Contains("ECourt.Application", refs);
        Assert.DoesNotContain("ECourt.Orchestrations", refs);
        Assert.DoesNotContain("ECourt.Functions", refs);
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal));
    }

    [Fact]
    public void NoLowerLayer_ReferencesFunctionsOrTheLocalHost()
    {
        foreach (var lower in new[] { "ECourt.Domain", "ECourt.Application", "ECourt.Orchestrations", "ECourt.Adapters" })
        {
            Assert.DoesNotContain("ECourt.Functions", References(lower));
            Assert.DoesNotContain("ECourt.LocalHost", References(lower));
        }
        Assert.DoesNotContain("ECourt.LocalHost", References("ECourt.Functions"));
    }

    /// <summary>
    /// Endpoints, handlers and activity triggers parse, call a use case and map its answer: outside the composition root
    /// (and the durable messaging it composes), nothing in functions/ takes a store, an index or any other port, nor an
    /// adapter other than the token validator that identifies callers at the edge.
    /// </summary>
    [Fact]
    public void Functions_UseNoStoreOrAdapter_OutsideComposition()
    {
        var application = Load("ECourt.Application");
        var adapters = Load("ECourt.Adapters");
        var offending = Load("ECourt.Functions").GetTypes()
            .Where(t => t.Namespace is { } ns && !ns.StartsWith("ECourt.Functions.Composition", StringComparison.Ordinal)
                && !ns.StartsWith("ECourt.Functions.Messaging", StringComparison.Ordinal))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Type: t, p.ParameterType)))
            .Where(x => (x.ParameterType.Assembly == adapters && x.ParameterType.Namespace != "ECourt.Adapters.Identity")
                || (x.ParameterType.Assembly == application && x.ParameterType.IsInterface && x.ParameterType.Name != "IDurableMessaging"))
            .Select(x => $"{x.Type.FullName} takes {x.ParameterType.Name}")
            .Distinct().ToList();
        Assert.Empty(offending);
    }

    /// <summary>
    /// What each stage may use of another, the lifecycle's order: a later stage never knows an earlier one, and a stage
    /// that reaches back does so through a port the other declares (Fees implements Payments' <c>ICaseCreditEffect</c> and
    /// ServiceOfProcess's <c>IServedDocumentEffect</c>). Shared concepts (the case core, Calendar, Parties, Courts,
    /// Documents, Access, Numbering, Money, Messaging, Http) use no stage.
    /// </summary>
    private static readonly Dictionary<string, string[]> DeclaredStageDependencies = new()
    {
        // Registration issues the case's account (Payments) and its fee notice (Fees).
        ["Filing"] = ["Fees", "Payments"],
        // A credit's meaning for the fee, and the fee notice served, through the ports of Payments and ServiceOfProcess.
        ["Fees"] = ["Payments", "ServiceOfProcess"],
        ["Payments"] = [],
        ["ServiceOfProcess"] = [],
        // The notice of the burden and period of proof is served, and its service is what it means for the period, through service
        // of process's records and its IServedDocumentEffect.
        ["Evidence"] = ["ServiceOfProcess"],
        // The answer period is the one service of process gives from the complaint copy's service.
        ["Answer"] = ["ServiceOfProcess"],
        // Summonses and notices of cancellation are served, and their service recorded on the hearing, the same way.
        ["Hearings"] = ["ServiceOfProcess"],
        // The judgment is served through service of process; its costs order reads the fee notice's fee and what was paid (Fees).
        ["Judgments"] = ["Fees", "ServiceOfProcess"],
        // What is published is the effective judgment: its record, its text and its id.
        ["Publication"] = ["Judgments"],
        // Enforcement enforces the effective judgment's orders (Judgments), prices its application (Fees), holds funds in its own
        // account (Payments' port and account index) and serves its notice through service of process.
        ["Enforcement"] = ["Fees", "Judgments", "Payments", "ServiceOfProcess"],
    };

    /// <summary>
    /// The layers with stage folders; adapters/ is by technology (Storage, Communication, …), each serving every stage.
    /// </summary>
    private static readonly string[] Layers = ["domain", "application", "orchestrations", "functions"];

    /// <summary>Folders of a layer that compose every stage: the host's composition root and its durable messaging.</summary>
    private static readonly string[] CompositionFolders = ["functions/Composition", "functions/Messaging", "functions/OpenApi"];

    /// <summary>The stages, as the case core lists them (<see cref="Domain.CaseModules.Stages"/>): a new stage is found here without an
    /// edit.</summary>
    private static IReadOnlyList<string> Stages => Domain.CaseModules.Stages.Select(m => m.Name).ToList();

    private static Regex StageNamespace() =>
        new($@"ECourt\.(?:Domain|Application|Orchestrations|Functions)\.({string.Join("|", Stages)})\b");

    [Fact]
    public void EveryStage_DeclaresWhatItUses()
    {
        Assert.NotEmpty(Stages);
        Assert.Equal(Stages.Order(), DeclaredStageDependencies.Keys.Order());
    }

    [Fact]
    public void StageFolders_UseOtherStagesOnlyAsDeclared_AndSharedFoldersUseNone()
    {
        var stages = DeclaredStageDependencies.Keys.ToHashSet();
        var undeclared = new List<string>();
        foreach (var layer in Layers)
            foreach (var folder in Directory.GetDirectories(Path.Combine(Repository.Root, layer)))
            {
                var name = Path.GetFileName(folder);
                if (name is "bin" or "obj" || CompositionFolders.Contains($"{layer}/{name}")) continue;
                var allowed = stages.Contains(name) ? DeclaredStageDependencies[name].Append(name).ToHashSet() : [];
                foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
                    foreach (Match m in StageNamespace().Matches(File.ReadAllText(file)))
                        if (!allowed.Contains(m.Groups[1].Value))
                            undeclared.Add($"{Path.GetRelativePath(Repository.Root, file)} uses {m.Value}");
            }
        Assert.Empty(undeclared.Distinct());
    }

    [Fact]
    public void DeclaredStageDependencies_HaveNoCycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Visit(string stage, string path)
        {
            Assert.False(visiting.Contains(stage), $"stage dependency cycle: {path}");
            if (!done.Add(stage)) return;
            visiting.Add(stage);
            foreach (var next in DeclaredStageDependencies[stage]) Visit(next, $"{path} → {next}");
            visiting.Remove(stage);
        }
        foreach (var stage in DeclaredStageDependencies.Keys) Visit(stage, stage);
    }

    [Fact]
    public void EveryStage_HasItsFolder_InTheLayersItNeeds()
    {
        foreach (var stage in DeclaredStageDependencies.Keys)
            foreach (var layer in new[] { "domain", "application", "functions" })
                Assert.True(Directory.Exists(Path.Combine(Repository.Root, layer, stage)), $"{layer}/{stage} is missing");
    }
}
