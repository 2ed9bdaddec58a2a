using System.Globalization;
using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Evidence;

namespace ECourt.Application.Evidence;

/// <summary>
/// The judge orders the exchange of evidence: synchronous or asynchronous, its window, and when each side sees the other's.
/// </summary>
public sealed class OrderEvidenceExchange(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, EvidenceExchangeRequest r, string? ifMatch, CancellationToken ct)
    {
        var v = new Validation();
        var mode = v.Enum<ExchangeMode>(r.Mode, "mode");
        var opensAt = Instant(r.OpensAt, "opensAt", v);
        var closesAt = Instant(r.ClosesAt, "closesAt", v);
        var disclosure = r.Disclosure is null ? EvidenceDisclosure.AtExchange : v.Enum<EvidenceDisclosure>(r.Disclosure, "disclosure");
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(EvidenceExchanges.Order(c, judge, clock.GetUtcNow(),
            mode!.Value, opensAt!.Value, closesAt!.Value, disclosure!.Value)), ct, grant.Stored, ifMatch);
        await signals.CaseChangedAsync(saved.Case, EvidenceActions.OrderEvidenceExchange.Name, ct);
        return saved;
    }

    private static DateTimeOffset? Instant(string? text, string field, Validation v)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return at;
        v.Add(field, "A date and time with its offset: yyyy-MM-ddTHH:mm:ss+08:00.");
        return null;
    }
}
