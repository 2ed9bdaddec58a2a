using ECourt.Application.Enforcement;
using ECourt.Domain;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Enforcement;

/// <summary>
/// What the command centre adds up over open enforcement cases: how many, the money to recover, received into their accounts, paid
/// out and held for creditors, and what needs attention (cases with a payout overdue, banks still silent in open inquiries, freezes in
/// force expiring within 30 days, cases under supervision).
/// </summary>
public sealed record OverviewFiguresView(int OpenCases, decimal AmountToRecover, decimal Received, decimal PaidOut, decimal Held,
    int OverduePayouts, int UnansweredInquiries, int ExpiringFreezes, int SupervisedCases)
{
    public static OverviewFiguresView Of(OverviewFigures f) => new(f.OpenCases, f.AmountToRecover, f.Received, f.PaidOut, f.Held,
        f.OverduePayouts, f.UnansweredInquiries, f.ExpiringFreezes, f.SupervisedCases);
}

/// <summary>One officer's open cases added up; officer null: the cases not yet assigned.</summary>
public sealed record OfficerOverviewView(string? Officer, OverviewFiguresView Figures);

/// <summary>One open enforcement case's figures, with its number, officer, status and the case version they were taken from.</summary>
public sealed record CaseOverviewView(string CaseId, string? CaseNumber, string? Officer, string Status, int Version,
    decimal AmountToRecover, decimal Received, decimal PaidOut, decimal Held, bool PayoutOverdue, int UnansweredInquiries,
    int ExpiringFreezes, bool Supervised)
{
    public static CaseOverviewView Of(OverviewCase c) => new(c.Row.CaseId, c.Row.CaseNumber, c.Row.Officer, c.Row.Status.WireName(),
        c.Row.Version, c.Row.AmountToRecover, c.Row.Received, c.Row.PaidOut, c.Row.Held, c.Row.PayoutOverdue, c.Row.UnansweredInquiries,
        c.ExpiringFreezes, c.Row.Supervised);
}

/// <summary>The command centre of a court as of a court day: the totals, each officer's, and the cases the caller may see.</summary>
public sealed record EnforcementOverviewView(string Court, string? Officer, string Today, OverviewFiguresView Totals,
    IReadOnlyList<OfficerOverviewView> Officers, IReadOnlyList<CaseOverviewView> Cases)
{
    public static EnforcementOverviewView Of(EnforcementOverview o) => new(o.Court, o.Officer, o.Today.ToString("yyyy-MM-dd"),
        OverviewFiguresView.Of(o.Totals), o.Officers.Select(x => new OfficerOverviewView(x.Officer, OverviewFiguresView.Of(x.Figures)))
            .ToList(), o.Cases.Select(CaseOverviewView.Of).ToList());
}

/// <summary>The enforcement command centre: the court's open enforcement cases added up, per officer and one by one.</summary>
public sealed class EnforcementOverviewFunctions(ApiEndpoint endpoint, ReadEnforcementOverview overview)
{
    [ApiOperation("enforcement", "Enforcement staff read their court's command centre: open cases and money, per officer and per case.",
        Response = typeof(EnforcementOverviewView), Problems = [401, 403], Headers = ["ETag"],
        Description = "Enforcement officers, division heads and the president read the command centre of their own court (another "
            + "court: 403): the open enforcement cases (enforcing or closed for now), their amounts to recover, received, paid out and "
            + "held, and the cases with a payout overdue (30 days, 法发〔2017〕6号), the banks not yet answering open inquiries, the "
            + "freezes in force whose last day is within 30 days of today (or past) and the cases under supervision; for the court, per "
            + "officer, and per case. Everyone here sees the court's and every officer's totals; the cases are listed one by one for "
            + "the president and the head of the enforcement division, and for an officer only its own and those not yet assigned.")]
    [ApiParameter("court", "query", "The court's code, such as 黑01: the caller's own court (the default).")]
    [ApiParameter("officer", "query", "Only this enforcement officer's cases, by user id.")]
    [Function("EnforcementOverview")]
    public Task<IActionResult> Read([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enforcement/overview")] HttpRequest req) =>
        endpoint.SignedIn(req, "EnforcementOverview", async caller =>
            new ApiResult(EnforcementOverviewView.Of(await overview.RunAsync(caller, req.Query["court"], req.Query["officer"],
                req.HttpContext.RequestAborted))));
}
