using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Payments;

/// <summary>
/// Books a bank's credit: find the case by its account (one point read) → book the credit to the case's ledger in one
/// transaction with what it means for the case (<see cref="ICaseCreditEffect"/>), keyed by bank and transaction id (a
/// row that exists means it was booked before) → record it in the court's funds register (what reconciliation and the
/// court's totals read) → signal the case when the credit settled its fee. Money for no open case goes to suspense.
/// Every step can be repeated: a crash anywhere leads, on a retry, to exactly one ledger entry and one register entry.
/// </summary>
public sealed class BookCredit(IAccountIndex accounts, ICaseStore store, CaseChanges changes, CaseCreditEffects effects,
    ISuspenseLedger suspense, SuspenseCourts suspenseCourts, ICourtFunds funds, CaseSignals signals, DeadlineCalculator deadlines,
    IOptions<PaymentsOptions> options, TimeProvider clock, ILogger<BookCredit> log)
{
    public enum CreditOutcome
    {
        Recorded,
        AlreadyRecorded,
        /// <summary>The case has ended (returned, rejected, withdrawn): the money belongs in suspense.</summary>
        CaseClosed,
        /// <summary>The suspense reservation it was to be booked under was released first: not booked.</summary>
        ReservationReleased,
    }

    public async Task RunAsync(BankCredit credit, CancellationToken ct)
    {
        var caseId = VirtualAccountNumber.IsValid(credit.AccountNumber)
            ? await accounts.FindCaseByAccountAsync(credit.AccountNumber, ct)
            : null;
        if (caseId is null)
        {
            await ToSuspenseAsync(credit, $"No case has account {credit.AccountNumber}.", ct);
            return;
        }
        var (outcome, stored) = await ToCaseAsync(caseId,
            new FeeCredit(credit.BankCode, credit.BankTransactionId, credit.Amount, credit.BookedAt), ct);
        if (outcome == CreditOutcome.CaseClosed)
        {
            await ToSuspenseAsync(credit, $"Case {caseId} is {stored.Case.Status}; its account is closed.", ct);
            return;
        }
        await funds.RecordAsync(BookedCredit.ToCase(credit, stored.Case.Court, caseId), ct);
        // Only a credit that moves the case wakes its lifecycle (one that settles the fee; enforcement funds, whose payout deadline
        // runs). Sent again on a redelivery: the lifecycle reads the table, so twice is harmless.
        if (effects.For(stored.Case).WakesLifecycle(stored.Case)) await signals.CaseChangedAsync(stored.Case, "BankCredit", ct);
    }

    /// <summary>
    /// Books the credit to the case's ledger once; answers whether this call booked it, and the case after it. A deposit
    /// claimed from suspense is booked under its <paramref name="reservation"/>: its end is recorded as booked in the same
    /// transaction, and if it was recorded as released first, nothing is booked.
    /// </summary>
    /// <exception cref="Domain.DomainRuleException">the case cannot take a credit (<see cref="ICaseCreditEffect.Refusal"/>)</exception>
    public async Task<(CreditOutcome Outcome, StoredCase Case)> ToCaseAsync(string caseId, FeeCredit credit, CancellationToken ct,
        ReservationEnd? reservation = null)
    {
        var entryId = credit.Key;
        var applied = await changes.ApplyWithOutcomeAsync(caseId, c =>
        {
            if (c.Status.IsFinal()) return null;
            var now = clock.GetUtcNow();
            var entry = new LedgerEntry(entryId, LedgerEntry.Credit, credit.Amount, credit.BankCode, credit.BankTransactionId,
                credit.BookedAt, now);
            var change = CaseChange.Of(effects.For(c).Apply(c, credit, now)).Inserting(CaseRow.Of(LedgerRows.Ledger, entryId, entry));
            return reservation is null
                ? change
                : change.Inserting(LedgerRows.ReservationEndRow(reservation with { Outcome = ReservationOutcome.Booked, At = now }));
        }, ct);
        if (applied.Changed) return (CreditOutcome.Recorded, applied.Case);
        if (!applied.Case.Case.Status.IsFinal() && reservation is null) return (CreditOutcome.AlreadyRecorded, applied.Case);
        // Not booked now: booked before, or refused. A credit booked before the case closed is the case's, even when its
        // message comes again afterwards; one not booked before its reservation was released is not the case's.
        if (await store.GetRowAsync(caseId, LedgerRows.Ledger, entryId, ct) is not null)
            return (CreditOutcome.AlreadyRecorded, applied.Case);
        return (applied.Case.Case.Status.IsFinal() ? CreditOutcome.CaseClosed : CreditOutcome.ReservationReleased, applied.Case);
    }

    private async Task ToSuspenseAsync(BankCredit credit, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimBy = SuspenseRules.ClaimDeadline(deadlines, now, options.Value.SuspenseClaimWorkingDays);
        var entry = new SuspenseEntry(credit.Key, credit, reason, now, claimBy, Court: suspenseCourts.Of(credit));
        var recorded = await suspense.RecordAsync(entry, ct);
        await funds.RecordAsync(BookedCredit.ToSuspense(credit), ct);
        log.LogInformation("Bank credit {Key} to suspense ({Recorded}): {Reason}", credit.Key, recorded ? "new" : "already there", reason);
    }
}
