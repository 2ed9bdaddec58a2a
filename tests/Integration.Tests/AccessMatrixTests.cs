using ECourt.Adapters.Identity;
using ECourt.Application.Access;
using ECourt.Application.Assignment;
using ECourt.Application.Cases;
using ECourt.Domain.Access;
using ECourt.Domain.Assignment;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;
using ECourt.Functions.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Integration.Tests;

/// <summary>
/// The access table, held to what the routes do: every HTTP route of the Functions app (as the local host's route table
/// finds them, which a contract test keeps equal to functions.metadata) is called as every relationship to a case, on a
/// draft and on a registered case, with a body that would not pass its own validation, and the answer is compared with
/// the row: 401 anonymous, 404 for a caller who may not know the case, 403 for one who does but is not granted, and
/// anything else (never 500) for a caller the row lets through. A route without its row fails here.
/// </summary>
public class AccessMatrixTests
{
    /// <summary>One caller of the matrix: a user with roles and a court.</summary>
    public sealed record Caller(string Name, string? UserId, string[] Roles, string Court = "黑01", Division? Division = null)
    {
        public string? Principal => UserId is null ? null : ClientPrincipal.Encode(UserId, Roles, Roles.Any(r =>
            Domain.Access.Roles.Staff.Contains(r)) ? Court : null);

        public CourtUser? User => UserId is null ? null : new CourtUser(UserId, UserId, Roles.ToHashSet(), Court) { Division = Division };
    }

    /// <summary>Every relationship, with the staff roles that rows tell apart.</summary>
    public static readonly Caller[] Callers =
    [
        new("anonymous", null, []),
        new("filer", "user-liu", [Roles.Party]),
        new("own side", "co-plaintiff", [Roles.Party]),
        new("own representative", "lawyer-own", [Roles.Lawyer]),
        new("other side", "defendant-rep", [Roles.Party]),
        new("other representative", "lawyer-other", [Roles.Lawyer]),
        new("court staff: clerk", "clerk-wang", [Roles.Clerk], Division: Division.Civil),
        new("court staff: judge", "judge-zhao", [Roles.Judge], Division: Division.Civil),
        new("another judge of the division", "judge-zhou", [Roles.Judge], Division: Division.Civil),
        new("head of the civil division", "head-civil", [Roles.DivisionHead], Division: Division.Civil),
        new("head of another division", "head-commercial", [Roles.DivisionHead], Division: Division.Commercial),
        new("president", "president-he", [Roles.President], Division: Division.Civil),
        new("filing clerk", "clerk-filing", [Roles.Clerk], Division: Division.Filing),
        new("enforcement officer", "officer-li", [Roles.EnforcementOfficer], Division: Division.Enforcement),
        new("head of the enforcement division", "head-zhang", [Roles.DivisionHead], Division: Division.Enforcement),
        new("finance", "finance-sun", [Roles.Finance]),
        new("court admin", "admin-qian", [Roles.Admin]),
        new("staff of another court", "clerk-li", [Roles.Clerk], "黑0102"),
        new("unrelated", "stranger", [Roles.Party]),
    ];

    /// <summary>Gives the case's parties the accounts of the matrix's callers, as linking by their holders would.</summary>
    private static async Task LinkAccountsAsync(CourtTestHost host, string caseId)
    {
        var stored = (await host.Store.GetAsync(caseId))!;
        var c = stored.Case;
        var plaintiff = c.Parties[0];
        var coPlaintiff = plaintiff with
        {
            PartyNumber = c.Parties.Max(p => p.PartyNumber) + 1,
            Name = "王芳",
            UserId = "co-plaintiff",
            Representatives = [new Representative(RepresentativeKind.Lawyer, "赵律师", "lawyer-own", "11101201010012345", "某律师事务所",
                AuthorityScope.General, [])],
        };
        var parties = c.Parties.Select(p => p.Role == PartyRole.Defendant
            ? p with
            {
                UserId = "defendant-rep",
                Representatives = [new Representative(RepresentativeKind.Lawyer, "孙律师", "lawyer-other", "11101201010054321", "另一律师事务所",
                    AuthorityScope.General, [])],
            }
            : p).Append(coPlaintiff).ToList();
        var result = await host.Store.CommitAsync(CaseChange.Of(c with { Parties = parties }, []), stored.ETag);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }

    private static string Fill(string route, string caseId, string documentId, string certificateId) => "/api/" + route
        .Replace("{caseId}", caseId).Replace("{documentId}", documentId).Replace("{serviceId}", documentId + "-p9")
        .Replace("{entryId}", "ICBC:20981127-000999").Replace("{bankCode}", "ICBC").Replace("{date}", "2098-11-27")
        .Replace("{itemId}", "in" + new string('0', 24)).Replace("{certificateId}", certificateId).Replace("{year}", "2099")
        .Replace("{judgmentId}", Application.Judgments.JudgmentIds.For(caseId));

    private static async Task<TestResponse> CallAsync(CourtTestHost host, string method, string path, string function, Caller caller)
    {
        if (function == "UploadDocument")
            return await host.SendAsync(method, path, caller.Principal, Filings.Pdf, "application/pdf",
                new Dictionary<string, string> { ["X-Document-Kind"] = "other", ["X-File-Name"] = "a.pdf" });
        if (method is "POST" or "PUT")
            return await host.SendAsync(method, path, caller.Principal, function == "CommunicationEvents" ? "[]"u8.ToArray()
                : "{}"u8.ToArray(),
                "application/json");
        return await host.SendAsync(method, path, caller.Principal);
    }

    private static async Task<string> WaitForCertificateAsync(CourtTestHost host, string caseId)
    {
        for (var until = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < until; await Task.Delay(50))
        {
            var services = await host.Store.ListRowsAsync(caseId, Application.ServiceOfProcess.ServiceRows.Services);
            if (services.FirstOrDefault(s => s.CertificateId is not null)?.CertificateId is { } id) return id;
        }
        throw new TimeoutException($"No certificate was issued in case {caseId}.");
    }

    private static string? ProblemType(TestResponse r) =>
        r.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal) ? r.Json.GetProperty("type").GetString() : null;

    /// <summary>
    /// What the table says the caller gets: 401, 403, 404, or through (null). A certificate (a route on the case it names) is
    /// the served party's and the court's: anyone else gets 404, as for a certificate that does not exist.
    /// </summary>
    private static int? Expected(RouteAccess row, string route, Caller caller, CourtCase c, int? certificateParty)
    {
        switch (row.Scope)
        {
            case RouteScope.Public:
                return null;
            case RouteScope.Webhook:
                return 401;   // the matrix sends neither the webhook's key nor Event Grid's token
        }
        if (caller.User is not { } user) return 401;
        if (row.Scope == RouteScope.SignedIn) return row.AllowsRoles(user) ? null : 403;
        var relations = CaseRelations.Of(user, c);
        // A route on a judgment finds the case from the judgment's id and grants as a route on the case.
        if (row.Scope == RouteScope.CaseOf && route.Contains("{certificateId}", StringComparison.Ordinal))
            return certificateParty is { } party && CaseVisibility.CanSee(relations, c) && row.Allows(relations, user)
                && PartyDetails.SeesDetailsOf(relations, CaseRelations.PartiesOf(user, c), party) ? null : 404;
        if (!CaseVisibility.CanSee(relations, c)) return 404;
        return row.Allows(relations, user) ? null : 403;
    }

    /// <summary>Registers the matrix's staff in the court's registry, each in their division.</summary>
    private static async Task RegisterStaffAsync(CourtTestHost host)
    {
        var registry = host.Services.GetRequiredService<IStaffRegistry>();
        foreach (var caller in Callers.Where(c => c.Division is not null && c.UserId is not null))
            await registry.PutAsync(new StaffMember(caller.UserId!, caller.Name, caller.Court, caller.Division!.Value,
                caller.Roles.ToHashSet(), true));
    }

    /// <summary>Accepts the case and assigns it to judge-zhou and clerk-wang, as the court's rule could have.</summary>
    private static async Task AssignAsync(CourtTestHost host, string caseId)
    {
        var stored = (await host.Store.GetAsync(caseId))!;
        var assigned = (stored.Case with { Status = CaseStatus.Accepted })
            .With(new CaseAssignment("judge-zhou", "clerk-wang", Division.Civil, host.Clock.GetUtcNow(), "system"));
        Assert.Equal(CommitOutcome.Committed, (await host.Store.CommitAsync(CaseChange.Of(assigned, []), stored.ETag)).Outcome);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("registered")]
    [InlineData("assigned")]
    [InlineData("enforcement")]
    public async Task EveryRoute_AsEveryRelationship_AnswersAsTheAccessTableSays(string stage)
    {
        await using var host = await CourtTestHost.StartAsync(CourtTestHost.Future);
        await RegisterStaffAsync(host);
        // An enforcement case (its officer assigned by the court's rule: officer-li, the enforcement division's only one).
        var caseId = stage == "draft" ? await host.CreateAsync("user-liu")
            : stage == "enforcement" ? await host.EnforcingAsync(await host.EffectiveAsync())
            : (await host.RegisteredAsync("user-liu")).GetProperty("caseId").GetString()!;
        // A registered case's fee notice is served on the plaintiff by SMS: its certificate is the plaintiff's.
        var certificateId = "sc" + new string('0', 32);
        int? certificateParty = null;
        if (stage is "registered" or "assigned")
        {
            await host.FeeNoticeServedAsync(caseId);
            certificateId = await WaitForCertificateAsync(host, caseId);
            certificateParty = 1;
        }
        if (stage == "assigned") await AssignAsync(host, caseId);
        await LinkAccountsAsync(host, caseId);
        var file = (await host.Store.GetFileAsync(caseId))!;
        var documentId = file.Case.FiledDocuments.FirstOrDefault()?.DocumentId ?? "doc" + new string('0', 24);
        var disagreements = new List<string>();
        var routes = host.Routes.Routes.Where(r => !r.Route.StartsWith("local/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var row = AccessTable.For(route.FunctionName);
            foreach (var method in route.Methods)
                foreach (var caller in Callers)
                {
                    var response = await CallAsync(host, method, Fill(route.Route, caseId, documentId, certificateId),
                        route.FunctionName, caller);
                    var expected = Expected(row, route.Route, caller, file.Case, certificateParty);
                    var type = ProblemType(response);
                    var refusedByAccess = response.Status == 401
                        || (response.Status == 403 && type is ApiProblem.TypePrefix + "forbidden")
                        || (response.Status == 404 && (response.Text.Contains("such case", StringComparison.Ordinal)
                            || (row.Scope == RouteScope.CaseOf && response.Text.Contains("such certificate", StringComparison.Ordinal))));
                    var ok = expected switch
                    {
                        null => !refusedByAccess && response.Status < 500,
                        _ => response.Status == expected && refusedByAccess,
                    };
                    var want = expected?.ToString() ?? "through";
                    if (!ok) disagreements.Add($"{method} {route.Route} as {caller.Name}: expected {want}, got {response}");
                }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
