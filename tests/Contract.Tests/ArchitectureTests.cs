using System.Reflection;

namespace ECourt.Contract.Tests;

/// <summary>The layer arrows of ARCHITECTURE.md, checked on the built assemblies.</summary>
public class ArchitectureTests
{
    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static IReadOnlyList<string> References(string assembly) =>
        Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IsFramework(string name) => name is "netstandard" or "mscorlib" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);

    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary()
    {
        var refs = References("ECourt.Domain");
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.True(IsFramework(r), $"domain references {r}"));
    }

    [Fact]
    public void Orchestrations_ReferenceOnlyDomainAndDurableTask()
    {
        Assert.All(References("ECourt.Orchestrations"), r => Assert.True(
            IsFramework(r) || r == "ECourt.Domain" || r.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal) || r.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal),
            $"orchestrations references {r}"));
    }

    [Fact]
    public void Adapters_ReferenceDomainAndSdks_NotOrchestrationsOrFunctions()
    {
        var refs = References("ECourt.Adapters");
        Assert.Contains("ECourt.Domain", refs);
        Assert.DoesNotContain("ECourt.Orchestrations", refs);
        Assert.DoesNotContain("ECourt.Functions", refs);
        Assert.DoesNotContain(refs, r => r.StartsWith("Microsoft.DurableTask", StringComparison.Ordinal));
    }

    [Fact]
    public void NoLowerLayer_ReferencesFunctionsOrTheLocalHost()
    {
        foreach (var lower in new[] { "ECourt.Domain", "ECourt.Orchestrations", "ECourt.Adapters" })
        {
            Assert.DoesNotContain("ECourt.Functions", References(lower));
            Assert.DoesNotContain("ECourt.LocalHost", References(lower));
        }
        Assert.DoesNotContain("ECourt.LocalHost", References("ECourt.Functions"));
    }
}
