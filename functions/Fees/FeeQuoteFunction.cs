using ECourt.Application.Cases;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Money;
using ECourt.Functions.Http;
using ECourt.Functions.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Fees;

/// <summary>GET /api/fees/quote: the fee for a case under the Measures, with the court's own figures.</summary>
public sealed class FeeQuoteFunction(ApiEndpoint endpoint, CourtDirectory courts)
{
    public sealed record FeeQuoteView(FeeCaseType CaseType, string? Amount, Procedure Procedure, string Fee, string Basis, string Court);

    [ApiOperation("fees", "The fee for a case (Measures on Payment of Litigation Costs).", Public = true,
        Response = typeof(FeeQuoteView), Problems = [400, 429], Headers = ["ETag"],
        Description = "Anyone, without signing in, computes a case's fee under the Measures on Payment of Litigation Costs (arts. "
            + "13–16), with the court's own figures where the Measures give a range: a property case by cumulative bands of the amount "
            + "claimed, the acceptance fee halved under simplified and small-claims procedure. Show `fee` with its `basis`; what is due "
            + "is the fee notice issued at registration.")]
    [ApiParameter("caseType", "query", "The kind of case.", Required = true, Enum = typeof(Domain.Cases.FeeCaseType))]
    [ApiParameter("amount", "query", "Yuan with at most two decimals, where the schedule uses one.")]
    [ApiParameter("procedure", "query", "The procedure (default ordinary).", Enum = typeof(Domain.Cases.Procedure))]
    [ApiParameter("court", "query", "A court of this deployment; default the deployment's court.")]
    [Function("FeeQuote")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fees/quote")] HttpRequest req) =>
        endpoint.Public(req, "FeeQuote", () =>
        {
            var v = new Validation();
            var q = req.Query;
            var caseType = v.Enum<FeeCaseType>(q["caseType"], "caseType");
            var procedure = string.IsNullOrEmpty(q["procedure"]) ? Procedure.Ordinary : v.Enum<Procedure>(q["procedure"], "procedure");
            decimal? amount = null;
            if (!string.IsNullOrEmpty(q["amount"]))
            {
                if (Yuan.TryParse(q["amount"], out var a, out var error)) amount = a;
                else v.Add("amount", error!);
            }
            if (amount is null && caseType is { } type && FeeSchedule.NeedsAmount(type))
                v.Add("amount", "A property case's fee is computed from the amount claimed (Measures art. 13(1)): give amount.");
            var court = courts.DefaultCourt;
            if (!string.IsNullOrEmpty(q["court"]) && !courts.TryGet(q["court"], out court)) v.Add("court",
                "This deployment does not serve that court.");
            v.ThrowIfAny();
            var quote = new FeeSchedule(court.FeeFigures).Quote(caseType!.Value, amount, procedure!.Value);
            return Task.FromResult<IActionResult>(new ApiResult(new FeeQuoteView(quote.CaseType, amount is { } x ? Yuan.Format(x) : null,
                quote.Procedure, Yuan.Format(quote.Fee), quote.Basis, court.Code)));
        });
}
