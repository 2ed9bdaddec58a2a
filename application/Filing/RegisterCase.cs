using ECourt.Application.Cases;
using ECourt.Application.Numbering;
using ECourt.Application.Parties;
using ECourt.Application.Payments;
using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Fees;
using ECourt.Domain.Filing;
using ECourt.Domain.Numbering;
using ECourt.Domain.Payments;

namespace ECourt.Application.Filing;

/// <summary>
/// Registers a case: takes its number, issues its account, and moves it to the fee stage with its fee notice. Safe to
/// run again from any step: the number is claimed per case, the account index row is an upsert, and the case changes
/// only if it is still waiting for review; registration takes the filing off its court's review queue.
/// </summary>
public sealed class RegisterCase(ICaseStore store, IAccountIndex accounts, IReviewQueue queue, ICaseNumberRegistry numbers,
    CourtDirectory courts, CaseRegistration registration, FeeCollection fees, CaseChanges changes)
{
    /// <param name="onReviewDeadline">true when the system registers an undecided filing at the review deadline</param>
    public async Task<StoredCase> RunAsync(string caseId, Actor by, DateTimeOffset at, bool onReviewDeadline,
        CancellationToken ct = default) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), by, at, onReviewDeadline, null, ct);

    /// <summary>
    /// Registers the case as the caller read it (the clerk's access check): no read of its own, and the commit is guarded
    /// by that version's ETag, so with the caller's If-Match a change made meanwhile is refused as stale (412).
    /// </summary>
    public async Task<StoredCase> RunAsync(StoredCase stored, Actor by, DateTimeOffset at, bool onReviewDeadline, string? ifMatch,
        CancellationToken ct = default)
    {
        var (filing, caseId) = (stored.Case, stored.Case.CaseId);
        if (onReviewDeadline && !FilingReview.IsUndecidedAtDeadline(filing, at)) return stored;
        CaseTransitions.Target(filing.Status, onReviewDeadline ? FilingActions.RegisterOnReviewDeadline : FilingActions.RegisterCase);

        var court = courts.Get(filing.Court);
        if (!CaseTypeCode.TryFor(filing.CaseType, out var typeCode))
            throw new InvalidOperationException($"Case {caseId} has a type that cannot be registered.");
        var number = await numbers.AllocateAsync(court.Code, ChinaTime.DateOf(at).Year, typeCode, caseId, ct);
        var account = VirtualAccountNumber.Issue(court.SettlementAccountPrefix, number.Year, VirtualAccountNumber.SeriesCode(typeCode),
            number.Sequence);
        await accounts.AddAccountAsync(account, caseId, ct);

        var submittedAt = filing.Review!.PeriodStartedAt;
        var result = await changes.ApplyAsync(caseId, current =>
        {
            if (current.Status != CaseStatus.Submitted) return null;
            var (registered, registeredEvent) = registration.Register(current, by, at, number, account, onReviewDeadline, court);
            var events = new List<CaseEvent> { registeredEvent };
            if (fees.SuspendForPendingAid(registered, at) is { } suspended)
            {
                registered = suspended.Case;
                events.Add(suspended.Event);
            }
            // Each party no account acts for gets its link code, for its holder to link it (sent with the complaint copy).
            return PartyRows.WithLinkCodes(CaseChange.Of(registered, events), registered, at);
        }, ct, stored, ifMatch);
        if (result.Case.CaseNumber != number.ToString())
            throw new DomainRuleException("transition-not-allowed",
                $"The case is {result.Case.Status}; it was decided while it was being registered.");
        await queue.RemoveFromReviewAsync(court.Code, caseId, submittedAt, ct);
        return result;
    }
}
