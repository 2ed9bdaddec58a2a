using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ECourt.Functions.Public;

/// <summary>GET /api/fees/quote: the fee for a case under the Measures, with the court's own figures.</summary>
public sealed class FeeQuoteFunction(ApiEndpoint endpoint, CourtDirectory courts)
{
    public sealed record FeeQuoteView(string CaseType, string? Amount, string Procedure, string Fee, string Basis, string Court);

    [Function("FeeQuote")]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fees/quote")] HttpRequest req) =>
        endpoint.Public(req, () =>
        {
            var v = new Validation();
            var q = req.Query;
            v.Check(FeeCaseTypes.TryParse(q["caseType"], out var caseType), "caseType", "One of " + string.Join(", ", FeeCaseTypes.Names) + ".");
            v.Check(Procedures.TryParse(q["procedure"], out var procedure), "procedure", "One of ordinary, simplified, small-claims.");
            decimal? amount = null;
            if (!string.IsNullOrEmpty(q["amount"]))
            {
                if (Yuan.TryParse(q["amount"], out var a, out var error)) amount = a;
                else v.Add("amount", error!);
            }
            if (amount is null && FeeSchedule.NeedsAmount(caseType))
                v.Add("amount", "A property case's fee is computed from the amount claimed (Measures art. 13(1)): give amount.");
            var court = courts.DefaultCourt;
            if (!string.IsNullOrEmpty(q["court"]) && !courts.TryGet(q["court"], out court)) v.Add("court", "This deployment does not serve that court.");
            v.ThrowIfAny();
            var quote = new FeeSchedule(court.FeeFigures).Quote(caseType, amount, procedure);
            return Task.FromResult<IActionResult>(new ApiResult(new FeeQuoteView(caseType.Name(), amount is { } x ? Yuan.Format(x) : null,
                procedure.Name(), Yuan.Format(quote.Fee), quote.Basis, court.Code)));
        });
}
