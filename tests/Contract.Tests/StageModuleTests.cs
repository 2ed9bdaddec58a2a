using ECourt.Application.Cases;
using ECourt.Domain;
using ECourt.Domain.Cases;
using ECourt.Functions.Cases;
using ECourt.Orchestrations;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Contract.Tests;

/// <summary>
/// What every stage contributes is wired in every host: each deadline kind a stage keeps has exactly one handler, each
/// activity's use case resolves, and the stages' transition rows and view parts do not collide.
/// </summary>
public class StageModuleTests
{
    public static TheoryData<string> EveryHost => ["functions", "azure-storage", "in-memory"];

    private static IReadOnlyList<string> KeptKinds => CaseModules.All.SelectMany(m => m.KeptDeadlineKinds).ToList();

    [Theory]
    [MemberData(nameof(EveryHost))]
    public async Task EveryKeptDeadlineKind_HasExactlyOneHandler(string host)
    {
        await using var provider = Hosts.Named(host);
        var handled = provider.GetServices<IDeadlineHandler>().SelectMany(h => h.Kinds).ToList();
        Assert.Equal(KeptKinds.Order(), handled.Order());
        // The lifecycle's activity finds them all.
        Assert.Equal(KeptKinds.Order(), provider.GetRequiredService<KeepDeadline>().Kinds.Order());
    }

    [Theory]
    [MemberData(nameof(EveryHost))]
    public async Task EveryActivitysUseCase_Resolves(string host)
    {
        await using var provider = Hosts.Named(host);
        Assert.NotEmpty(OrchestrationCatalog.Activities);
        Assert.Empty(OrchestrationCatalog.Activities.Where(a => provider.GetService(a.UseCase) is null).Select(a => a.Name));
    }

    /// <summary>
    /// A lifecycle keeps a case's deadlines in every open status, whichever stage gives it one: it ends only for a draft or
    /// a final case, and no stage's action leads out of a final status (that would move a case no lifecycle keeps).
    /// </summary>
    [Fact]
    public void EveryOpenStatus_KeepsItsLifecycleRunning_AndNoActionLeavesAFinalStatus()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var c = new CourtCase("cs000000000000000000000001", "黑01", FeeCaseType.Property, Procedure.Ordinary, "民间借贷纠纷", 1000m, "还款", "",
                [], "user-liu", "", DateTimeOffset.UnixEpoch, status, 1, null, null);
            Assert.True(CaseDeadlines.LifecycleEnded(c) == (status == CaseStatus.Draft || status.IsFinal()),
                $"{status}: the lifecycle {(CaseDeadlines.LifecycleEnded(c) ? "ends" : "runs")}");
        }
        Assert.Empty(CaseTransitions.Table.Where(a => a.From.Any(s => s.IsFinal())).Select(a => a.Name));
    }

    [Fact]
    public void DeadlineKinds_AreUniqueAcrossStages_AndNamedOnTheWire()
    {
        Assert.Equal(KeptKinds.Count, KeptKinds.Distinct().Count());
        Assert.All(KeptKinds, k => Assert.Matches("^[a-z]+(-[a-z]+)*$", k));
    }

    [Fact]
    public void TransitionRows_OneActionOneRow_AcrossStages()
    {
        var actions = CaseModules.All.SelectMany(m => m.Actions).Select(a => a.Name).ToList();
        Assert.NotEmpty(actions);
        Assert.Equal(actions.Count, actions.Distinct().Count());
    }

    [Fact]
    public async Task CaseViewParts_HaveOneNameEach_AndNoneHidesACoreField()
    {
        await using var provider = Hosts.FunctionsApp();
        var names = provider.GetServices<ICaseViewPart>().Select(p => p.Name).ToList();
        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct().Count());
        var core = typeof(CaseView).GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet();
        Assert.DoesNotContain(names, core.Contains);
    }
}
