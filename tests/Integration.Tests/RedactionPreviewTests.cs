using ECourt.Domain.Access;

namespace ECourt.Integration.Tests;

/// <summary>
/// The redaction preview through HTTP: a clerk or judge gets the text anonymised and each redaction's place in the text sent; a
/// party gets 403, no one signed in 401; bad input is a 400 naming the field.
/// </summary>
public class RedactionPreviewTests
{
    private const string Path = "/api/judgments/redaction-preview";

    private const string Text = "原告张三丰，男，住哈尔滨市南岗区示例路1号，电话13800000000。被告李四，女。审判员赵法官。";

    private static object Body(string caseType) => new
    {
        text = Text,
        persons = new object[]
        {
            new { name = "张三丰", role = "plaintiff", phone = "13800000000", address = "哈尔滨市南岗区示例路1号" },
            new { name = "李四", role = "defendant" },
            new { name = "赵法官", role = "judge" },
        },
        caseType,
    };

    [Fact]
    public async Task AClerk_SeesTheTextAsItWouldBePublished_WithEachRedaction()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        var divorce = await host.PostJsonAsync(Path, CourtSteps.Clerk, Body("divorce"));
        Assert.True(divorce.Status == 200, divorce.ToString());
        Assert.Equal("原告张某，男，住哈尔滨市南岗区，电话。被告李某，女。审判员赵法官。", divorce.Json.GetProperty("text").GetString());
        var first = divorce.Json.GetProperty("redactions")[0];
        Assert.Equal(("name", 2, 3), (first.GetProperty("kind").GetString(), first.GetProperty("start").GetInt32(),
            first.GetProperty("length").GetInt32()));

        // A property case keeps the parties' names; their contact data goes all the same.
        var property = await host.PostJsonAsync(Path, CourtSteps.Judge, Body("property"));
        Assert.Equal("原告张三丰，男，住哈尔滨市南岗区，电话。被告李四，女。审判员赵法官。", property.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task APartyOrNoOne_IsRefused_AndBadInputNamesTheField()
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        Assert.Equal(403, (await host.PostJsonAsync(Path, CourtTestHost.Principal("user-liu", Roles.Party), Body("divorce"))).Status);
        Assert.Equal(401, (await host.PostJsonAsync(Path, null, Body("divorce"))).Status);
        var persons = new[] { new { name = "张三", role = "king" } };
        var bad = await host.PostJsonAsync(Path, CourtSteps.Clerk, new { text = Text, persons, caseType = "divorce" });
        Assert.Equal(400, bad.Status);
        Assert.Contains("persons[0].role", bad.Text);
    }
}
