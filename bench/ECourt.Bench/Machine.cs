namespace ECourt.Bench;

public static class Machine
{
    /// <summary>The real cores, and the processor count .NET was told to assume if that differs.</summary>
    public static int RealCores() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").Count(l => l.StartsWith("processor", StringComparison.Ordinal)) : Environment.ProcessorCount;

    public static string Describe()
    {
        var cores = RealCores();
        var assumed = Environment.GetEnvironmentVariable("DOTNET_PROCESSOR_COUNT");
        return assumed is null ? $"{cores} cores" : $"{cores} cores, DOTNET_PROCESSOR_COUNT={assumed}";
    }
}
