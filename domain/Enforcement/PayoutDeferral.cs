using System.Text.Json.Serialization;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>Why paying funds out may wait (法发〔2017〕6号 art. 17), each only with approval.</summary>
public enum DeferralReason
{
    /// <summary>The funds are still frozen, or under an objection.</summary>
    [JsonStringEnumMemberName("frozen-or-objection")]
    FrozenOrObjection,
    /// <summary>Distribution among several creditors is pending.</summary>
    [JsonStringEnumMemberName("distribution-pending")]
    DistributionPending,
    /// <summary>The creditor cannot be reached, or refuses the funds.</summary>
    [JsonStringEnumMemberName("creditor-unreachable")]
    CreditorUnreachable,
    /// <summary>Enforcement is suspended.</summary>
    [JsonStringEnumMemberName("suspended")]
    Suspended,
}

/// <summary>An approved deferral of the payout deadline: its reason, note, last day, and who approved it.</summary>
public sealed record PayoutDeferral(DeferralReason Reason, string Note, DateOnly Until, string ApprovedBy, DateTimeOffset At);

/// <summary>
/// Deferring the 30 days to pay funds out (法发〔2017〕6号 art. 17): only for the reasons the Provisions list, each approved and
/// recorded with its reason and a last day; while it lasts the payout deadline is not flagged, and it ends by itself on its last day.
/// </summary>
public static class PayoutDeferrals
{
    public const int MaxDays = 180;

    public static (CourtCase Case, CaseEvent Event) Approve(CourtCase c, Actor head, DeferralReason reason, string note, DateOnly until,
        DateTimeOffset at)
    {
        var e = EnforcementMeasures.Of(c);
        var today = ChinaTime.DateOf(at);
        if (until <= today || until > today.AddDays(MaxDays))
            throw new DomainRuleException("deferral-term", $"A deferral lasts until a day within {MaxDays} days of today.", "until");
        return EnforcementMeasures.Result(c, head, at,
            $"Payout deadline deferred until {until:yyyy-MM-dd} ({reason.WireName()}: {note}; {EnforcementTimeLimits.PayoutSource})",
            x => x with { Deferral = new PayoutDeferral(reason, note, until, head.UserId, at), PayoutOverdueSince = null });
    }

    /// <summary>True while an approved deferral lasts on the day.</summary>
    public static bool Defers(EnforcementSummary e, DateOnly day) => e.Deferral is { } d && day <= d.Until;
}
