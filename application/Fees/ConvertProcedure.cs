using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Fees;

namespace ECourt.Application.Fees;

/// <summary>A judge converts a simplified or small-claims case to ordinary procedure, with reasons: the fee becomes the full fee.</summary>
public sealed class ConvertProcedure(CaseChanges changes, ProcedureConversion conversion, CaseSignals signals,
    TimeProvider clock)
{
    public sealed record Request(
        [property: Required, OneOf(typeof(Procedure)), Bound(Bounds.WireName)] string? Procedure,
        [property: Required, Bound(Validation.MaxReasons, ItemChars = Validation.MaxReasonChars)] List<string?>? Reasons);

    public async Task<StoredCase> RunAsync(CaseGrant grant, Request r, string? ifMatch, CancellationToken ct)
    {
        var (stored, caller, caseId) = (grant.Stored, grant.Caller, grant.CaseId);
        var v = new Validation();
        v.Check(r.Procedure == "ordinary", "procedure", "A case converts to ordinary procedure only.");
        var reasons = v.Reasons(r.Reasons, "reasons", required: true);
        v.ThrowIfAny();
        var saved = await changes.ApplyAsync(caseId,
            c => CaseChange.Of(conversion.ToOrdinary(c, CaseAccess.ActorFor(caller, Roles.Judge), clock.GetUtcNow(), reasons)),
            ct, stored, ifMatch);
        await signals.CaseChangedAsync(saved.Case, "ConvertToOrdinaryProcedure", ct);
        return saved;
    }
}
