using System.Text.Json;
using ECourt.Application.Access;
using ECourt.Functions.Cases;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Contract.Tests;

/// <summary>
/// The access table has exactly one row per HTTP function of functions.metadata (a new route cannot be added without its
/// row), the API document marks public exactly the routes the table makes public, and every part of the case view has its
/// audience in the table. What each row grants is held to the routes' answers by Integration.Tests' AccessMatrixTests.
/// </summary>
public class AccessTableTests
{
    private static IReadOnlyList<string> HttpFunctions()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repository.FunctionsMetadata));
        return doc.RootElement.EnumerateArray()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() == "httpTrigger"))
            .Select(f => f.GetProperty("name").GetString()!).ToList();
    }

    [Fact]
    public void EveryHttpFunction_HasOneRow_AndEveryRowAFunction()
    {
        var rows = AccessTable.All.Select(r => r.Function).ToList();
        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Equal(HttpFunctions().Order(), rows.Order());
    }

    /// <summary>
    /// The document says "security: []" for the routes that take no bearer token: public ones and webhooks (but a browser's
    /// preflight, public and no operation, which the document leaves out).
    /// </summary>
    [Fact]
    public void ApiDocument_MarksPublic_ExactlyThePublicAndWebhookRows()
    {
        var documented = ApiDocument.Operations.Where(o => o.Api.Public).Select(o => o.OperationId).ToHashSet();
        var table = AccessTable.All.Where(r => (r.Scope is RouteScope.Public or RouteScope.Webhook) && r.Function != CorsPreflight.Function)
            .Select(r => r.Function).ToHashSet();
        Assert.Equal(RouteScope.Public, AccessTable.For(CorsPreflight.Function).Scope);
        Assert.DoesNotContain(ApiDocument.Operations, o => o.OperationId == CorsPreflight.Function);
        Assert.Equal(table.Order(), documented.Order());
    }

    [Fact]
    public void RoutesOnACase_GrantSomeone_AndNameTheCaseInTheirPath()
    {
        var paths = ApiDocument.Operations.ToDictionary(o => o.OperationId, o => o.Path);
        foreach (var row in AccessTable.All.Where(r => r.Scope == RouteScope.Case))
        {
            Assert.NotEmpty(row.Grants);
            Assert.Contains("{caseId}", paths[row.Function]);
        }
    }

    [Fact]
    public async Task EveryCaseViewPart_HasItsAudienceInTheTable()
    {
        await using var provider = Hosts.FunctionsApp();
        var parts = provider.GetServices<ICaseViewPart>().Select(p => p.Name).ToList();
        Assert.NotEmpty(parts);
        Assert.Equal(parts.Order(), AccessTable.ViewParts.Keys.Order());
    }
}
