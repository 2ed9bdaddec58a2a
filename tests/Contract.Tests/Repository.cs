using System.Reflection;

namespace ECourt.Contract.Tests;

public static class Repository
{
    /// <summary>The repository root: the folder holding ECourt.sln above the test's output.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ECourt.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ECourt.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The functions.metadata the Worker SDK generated when it built the Functions app.</summary>
    public static string FunctionsMetadata
    {
        get
        {
            var configuration = typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(Root, "functions", "bin", configuration, "net10.0", "functions.metadata");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the Functions app first (scripts/test does).", path);
        }
    }

    public static string BicepPath =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
}
