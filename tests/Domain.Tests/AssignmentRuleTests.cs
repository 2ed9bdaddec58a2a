using ECourt.Domain.Access;
using ECourt.Domain.Assignment;

namespace ECourt.Domain.Tests;

/// <summary>The court's rule of assignment: random among the eligible judges, weighted by their open cases (1 ÷ (1 + open)).</summary>
public class AssignmentRuleTests
{
    private static StaffMember Judge(string id, Division division = Division.Civil, bool active = true, string court = "黑01") =>
        new(id, id, court, division, new HashSet<string> { Roles.Judge }, active);

    [Fact]
    public void Eligible_ActiveJudgesOfTheDivisionAndCourt_ByUserId()
    {
        var staff = new[]
        {
            Judge("judge-b"), Judge("judge-a"), Judge("judge-off", active: false), Judge("judge-com", Division.Commercial),
            Judge("judge-other-court", court: "黑02"),
            new StaffMember("clerk-a", "clerk-a", "黑01", Division.Civil, new HashSet<string> { Roles.Clerk }, true),
        };
        Assert.Equal(["judge-a", "judge-b"], AssignmentRule.Eligible(staff, "黑01", Division.Civil, Roles.Judge).Select(s => s.UserId));
    }

    [Theory]
    // Loads 0 and 1: weights 1 and 1/2, shares 2/3 and 1/3 of the draw.
    [InlineData(0.0, "judge-a")]
    [InlineData(0.66, "judge-a")]
    [InlineData(0.67, "judge-b")]
    [InlineData(0.999, "judge-b")]
    public void Choose_WeightedByOpenCases(double draw, string expected)
    {
        var candidates = new[] { new AssignmentRule.Candidate(Judge("judge-a"), 0), new AssignmentRule.Candidate(Judge("judge-b"), 1) };
        Assert.Equal(expected, AssignmentRule.Choose(candidates, (decimal)draw)!.UserId);
    }

    [Fact]
    public void Choose_EqualLoads_EqualShares_NoneEligible_Null()
    {
        var three = new[] { "a", "b", "c" }.Select(id => new AssignmentRule.Candidate(Judge(id), 4)).ToList();
        Assert.Equal("a", AssignmentRule.Choose(three, 0.33m)!.UserId);
        Assert.Equal("b", AssignmentRule.Choose(three, 0.34m)!.UserId);
        Assert.Equal("c", AssignmentRule.Choose(three, 0.67m)!.UserId);
        Assert.Null(AssignmentRule.Choose([], 0.5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => AssignmentRule.Choose(three, 1m));
    }
}
