using ECourt.Application.Enforcement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ECourt.Contract.Tests;

/// <summary>The banks an inquiry asks: the configured list, whole (binding adds to a list there already), else the default four.</summary>
public class EnforcementOptionsTests
{
    [Fact]
    public void ConfiguredBanks_AreTheWholeList_NoneConfigured_TheDefaultFour()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ECourt:Enforcement:Banks:0"] = "BK01",
            ["ECourt:Enforcement:Banks:1"] = "BK02",
        }).Build();
        var services = new ServiceCollection();
        services.AddOptions<EnforcementOptions>().Bind(configuration.GetSection("ECourt:Enforcement"));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["BK01", "BK02"], provider.GetRequiredService<IOptions<EnforcementOptions>>().Value.Policy().Banks);
        Assert.Equal(["ICBC", "CCB", "ABC", "BOC"], new EnforcementOptions().Policy().Banks);
    }
}
