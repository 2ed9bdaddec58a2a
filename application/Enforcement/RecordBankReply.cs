using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.Payments;
using ECourt.Domain;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Payments;

namespace ECourt.Application.Enforcement;

/// <summary>
/// A bank's reply applied to its enforcement case (found from the request id), once: the reply's row is inserted with the change,
/// so a reply delivered again changes nothing. A reply the case cannot take (unknown, late, from another bank, more than asked) is
/// recorded on the case with its reason and applies nothing; one for no case at all is refused to the caller with its reason.
/// </summary>
public sealed class RecordBankReply(ICaseStore store, CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public enum Outcome
    {
        Applied,
        /// <summary>This reply was applied before (a redelivery): nothing changed.</summary>
        Duplicate,
        /// <summary>Recorded on its case with the reason; nothing applied.</summary>
        SetAside,
        /// <summary>It names no enforcement case: nothing recorded anywhere but the refusal itself.</summary>
        UnknownCase,
    }

    public sealed record Result(Outcome Outcome, string? Reason);

    public async Task<Result> RunAsync(BankReply reply, CancellationToken ct)
    {
        var caseId = BankRequestIds.CaseOf(reply.RequestId);
        var stored = caseId is null ? null : await store.GetAsync(caseId, ct);
        if (stored?.Case.Enforcement is null)
            return new Result(Outcome.UnknownCase, $"unknown-request: no enforcement case made request {reply.RequestId}");
        if (await store.GetRowAsync(caseId!, EnforcementRows.Replies, reply.RequestId, ct) is not null)
            return new Result(Outcome.Duplicate, $"duplicate-reply: request {reply.RequestId} was answered before");
        var request = (await store.GetRowAsync(caseId!, EnforcementRows.Requests, reply.RequestId, ct))?.Value;
        string? setAside = null;
        CaseChanges.Applied applied;
        try
        {
            applied = await changes.ApplyWithOutcomeAsync(caseId!, c =>
            {
                var result = BankReplies.Apply(c, request, reply, clock.GetUtcNow());
                setAside = result.SetAside;
                var change = CaseChange.Of(result.Change);
                if (setAside is not null) return change;
                change = change.Inserting(CaseRow.Of(EnforcementRows.Replies, reply.RequestId, reply));
                return reply is { Kind: BankReplyKind.PayoutResult, Outcome: BankOutcome.Paid } ? change.Inserting(PayoutEntry(c, reply))
                    : change;
            }, ct, stored);
        }
        catch (DomainRuleException closed) when (closed.Rule == "transition-not-allowed")
        {
            return new Result(Outcome.SetAside, $"case-closed: enforcement case {stored.Case.CaseNumber} is {stored.Case.Status}");
        }
        if (!applied.Changed) return new Result(Outcome.Duplicate, $"duplicate-reply: request {reply.RequestId} was answered before");
        await signals.CaseChangedAsync(applied.Case.Case, "BankReply", ct);
        return setAside is null ? new Result(Outcome.Applied, null) : new Result(Outcome.SetAside, setAside);
    }

    /// <summary>A payout paid is an entry of the case's ledger, beside the credits it was paid from.</summary>
    private CaseRow PayoutEntry(Domain.Cases.CourtCase c, BankReply reply)
    {
        var payout = c.Enforcement!.Payouts.Single(p => p.RequestId == reply.RequestId);
        var transaction = reply.BankTransactionId ?? reply.RequestId;
        var entry = new LedgerEntry($"{reply.BankCode}:{transaction}", LedgerEntry.Payout, payout.Amount, reply.BankCode, transaction,
            reply.AnsweredAt, clock.GetUtcNow());
        return CaseRow.Of(LedgerRows.Ledger, entry.EntryId, entry);
    }
}
