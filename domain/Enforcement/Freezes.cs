using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Freezing a debtor's account (SPC Interpretation art. 485): never more than is owed (the amount to recover and the fee) and not yet
/// performed, across every freeze in force or asked; a bank deposit for at most a year, renewed before it ends or it lapses; a
/// freeze behind another's is recorded as queued. The officer is reminded before the term ends.
/// </summary>
public static class Freezes
{
    public static (CourtCase Case, CaseEvent Event, BankRequest Request) Request(CourtCase c, Actor officer, string bankCode,
        string accountNumber, int debtor, decimal amount, DateOnly? until, string? renews, DateTimeOffset at, EnforcementPolicy policy,
        DeadlineCalculator deadlines)
    {
        var e = EnforcementMeasures.Of(c);
        if (!e.Debtors.Contains(debtor))
            throw new DomainRuleException("not-a-debtor", $"Party {debtor} is not a debtor of this enforcement case.", "debtor");
        var today = ChinaTime.DateOf(at);
        var longest = EnforcementTimeLimits.LongestDepositFreeze(today);
        var last = until ?? longest;
        if (last > longest || last <= today)
            throw new DomainRuleException("freeze-term-too-long",
                $"A bank deposit is frozen for at most one year: until {longest:yyyy-MM-dd} at the latest "
                    + $"({EnforcementTimeLimits.FreezeSource}).",
                "until");
        Freeze? renewed = null;
        if (renews is not null)
        {
            renewed = e.Freezes.FirstOrDefault(f => f.RequestId == renews && f.IsInForce)
                ?? throw new DomainRuleException("freeze-not-in-force",
                    $"Freeze {renews} is not in force: only a freeze in force is renewed.");
            if (renewed.AccountNumber != accountNumber || renewed.BankCode != bankCode)
                throw new DomainRuleException("renewal-other-account",
                    "A renewal continues the freeze of the same account at the same bank.");
        }
        // A renewal takes over the amount its freeze secures: only the excess counts against what is left.
        var room = e.FreezeRoom + (renewed?.Secured ?? 0m);
        if (amount > room)
            throw new DomainRuleException("freeze-exceeds-debt",
                $"Freezes may secure at most {room:0.00} yuan more: never more than the amount to recover plus costs ("
                + $"{e.Owed:0.00}) less what is performed and already frozen ({EnforcementTimeLimits.FreezeSource}).", "amount");
        var (summary, request) = EnforcementMeasures.NewRequest(c, e, BankRequestKind.Freeze, bankCode, at,
            r => r with { AccountNumber = accountNumber, Amount = amount, FrozenUntil = last, RenewsRequestId = renews });
        var freeze = new Freeze(request.RequestId, bankCode, accountNumber, debtor, amount, 0m, last, FreezeStatus.Requested, renews, null);
        var (changed, ev) = EnforcementMeasures.Act(c, officer, at,
            (renews is null ? "Freeze" : $"Renewal of freeze {renews}:") + $" {amount:0.00} yuan on account {accountNumber} at {bankCode} "
            + $"until {last:yyyy-MM-dd}", _ => summary with { Freezes = [.. summary.Freezes, freeze] }, deadlines,
            policy.SupervisionWorkingDays);
        return (changed, ev, request);
    }

    /// <summary>The bank's answer: frozen (at most what was asked), queued, or refused; a renewal frozen ends the freeze it
    /// renews.</summary>
    public static EnforcementSummary Answer(EnforcementSummary e, Freeze freeze, BankReply reply)
    {
        var status = reply.Outcome switch
        {
            BankOutcome.Frozen => FreezeStatus.Frozen,
            BankOutcome.Queued => FreezeStatus.Queued,
            _ => FreezeStatus.Refused,
        };
        var answered = freeze with
        {
            Status = status,
            Frozen = status == FreezeStatus.Refused ? 0m : reply.Amount ?? freeze.Asked,
            Until = reply.FrozenUntil is { } until && until < freeze.Until ? until : freeze.Until,
        };
        var renewedNow = status != FreezeStatus.Refused ? freeze.Renews : null;
        return e with
        {
            Freezes = e.Freezes.Select(f => f.RequestId == freeze.RequestId ? answered
                : f.RequestId == renewedNow ? f with { Status = FreezeStatus.Renewed } : f).ToList(),
        };
    }

    /// <summary>Why a freeze result cannot be applied (more frozen than asked), or null.</summary>
    public static string? Refusal(Freeze freeze, BankReply reply) =>
        reply.Amount is { } amount && amount > freeze.Asked
            ? $"freeze-result-exceeds-request: the bank reports {amount:0.00} frozen, {freeze.Asked:0.00} was asked"
            : reply.FrozenUntil is { } until && until > freeze.Until
                ? $"freeze-result-exceeds-term: the bank reports a freeze until {until:yyyy-MM-dd}, {freeze.Until:yyyy-MM-dd} was asked"
                : null;

    /// <summary>How many days before a freeze ends its officer is reminded to renew it (banks need the renewal before the last
    /// day).</summary>
    public const int ReminderDays = 15;

    /// <summary>The day the officer is reminded to renew a freeze in force.</summary>
    public static DateOnly ReminderDay(Freeze f) => f.Until.AddDays(-ReminderDays);

    /// <summary>A freeze in force, not yet renewed and not yet reminded of: its reminder is pending.</summary>
    public static bool AwaitsReminder(EnforcementSummary e, Freeze f) =>
        f.IsInForce && f.ReminderAt is null && !e.Freezes.Any(r => r.Renews == f.RequestId && r.Secures);

    /// <summary>Freezes whose term ended without renewal lapse; those near their end get their reminder, once.</summary>
    public static (CourtCase Case, CaseEvent Event)? Keep(CourtCase c, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e) return null;
        var today = ChinaTime.DateOf(at);
        var lapsed = e.Freezes.Where(f => f.IsInForce && f.Until < today).Select(f => f.RequestId).ToHashSet();
        var remind = e.Freezes.Where(f => AwaitsReminder(e, f) && !lapsed.Contains(f.RequestId) && ReminderDay(f) <= today)
            .Select(f => f.RequestId).ToHashSet();
        if (lapsed.Count == 0 && remind.Count == 0) return null;
        var reason = string.Join("; ", new[]
        {
            lapsed.Count > 0
                ? $"freeze {string.Join(", ", lapsed)} lapsed: not renewed before its term ended ({EnforcementTimeLimits.FreezeSource})"
                : null,
            remind.Count > 0 ? $"renew freeze {string.Join(", ", remind)} before its term ends" : null,
        }.OfType<string>());
        return EnforcementMeasures.Result(c, Actor.System, at, reason, x => x with
        {
            Freezes = x.Freezes.Select(f => lapsed.Contains(f.RequestId) ? f with { Status = FreezeStatus.Lapsed }
                : remind.Contains(f.RequestId) ? f with { ReminderAt = at } : f).ToList(),
        });
    }
}
