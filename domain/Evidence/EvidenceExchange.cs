using System.Text.Json.Serialization;
using ECourt.Domain.Access;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Evidence;

/// <summary>How the parties exchange evidence online (Online Litigation Rules art. 14).</summary>
public enum ExchangeMode
{
    /// <summary>Every party at a set time, on the platform together.</summary>
    [JsonStringEnumMemberName("synchronous")]
    Synchronous,
    /// <summary>Each party within a period the court sets.</summary>
    [JsonStringEnumMemberName("asynchronous")]
    Asynchronous,
}

/// <summary>
/// When the other side sees a side's evidence: from the exchange, or at once (from the judge's order) where the judge so orders.
/// </summary>
public enum EvidenceDisclosure
{
    [JsonStringEnumMemberName("at-exchange")]
    AtExchange,
    [JsonStringEnumMemberName("at-once")]
    AtOnce,
}

/// <summary>An exchange the judge ordered: its mode, its window, when the other side sees evidence, who ordered it and when.</summary>
public sealed record ExchangeOrder(ExchangeMode Mode, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, EvidenceDisclosure Disclosure,
    DateTimeOffset OrderedAt, string OrderedBy)
{
    /// <summary>From when each side sees the other's evidence.</summary>
    public DateTimeOffset DisclosedFrom => Disclosure == EvidenceDisclosure.AtOnce ? OrderedAt : OpensAt;

    public bool IsOpen(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}

/// <summary>
/// The exchange of evidence (Online Litigation Rules art. 14): the judge orders it synchronous (every party at a set time: one
/// sitting, at most a day) or asynchronous (each party within the window the court sets). From the exchange (or from the order,
/// where the judge orders disclosure at once) each side sees the other's evidence, except evidence excluded as late, which stays
/// in the record but not in the exchange (CPL Interpretation art. 102). Cross-examination opinions are filed within a window.
/// </summary>
public static class EvidenceExchanges
{
    /// <summary>The exchanges a case keeps in its snapshot: a few rounds at most.</summary>
    public const int MaxOrders = 10;

    /// <summary>A synchronous exchange is one sitting.</summary>
    public static readonly TimeSpan SynchronousSitting = TimeSpan.FromDays(1);

    public static (CourtCase Case, CaseEvent Event) Order(CourtCase c, Actor judge, DateTimeOffset now, ExchangeMode mode,
        DateTimeOffset opensAt, DateTimeOffset closesAt, EvidenceDisclosure disclosure)
    {
        CaseTransitions.Target(c.Status, EvidenceActions.OrderEvidenceExchange);
        var summary = c.Evidence ?? EvidenceSummary.Empty;
        if (closesAt <= opensAt)
            throw new DomainRuleException("evidence-exchange-window-empty", "An exchange closes after it opens.", "closesAt");
        if (closesAt <= now)
            throw new DomainRuleException("evidence-exchange-window-passed", "An exchange is ordered to close after it is ordered.",
                "closesAt");
        // An exchange cannot open before it is ordered: an earlier opening opens it at the order.
        var opens = opensAt < now ? now : opensAt;
        if (mode == ExchangeMode.Synchronous && closesAt - opens > SynchronousSitting)
            throw new DomainRuleException("evidence-exchange-synchronous-sitting",
                "A synchronous exchange is held with every party at a set time (Online Litigation Rules art. 14): one sitting of at most "
                + "a day; order an asynchronous exchange for a period.", "closesAt");
        if (summary.Exchanges.Count >= MaxOrders)
            throw new DomainRuleException("evidence-exchange-orders-limit",
                $"A case keeps at most {MaxOrders} exchange orders; hold the cross-examination at the hearing.");
        var order = new ExchangeOrder(mode, opens, closesAt, disclosure, now, judge.UserId);
        var shown = disclosure == EvidenceDisclosure.AtOnce ? "each side sees the other's evidence from now" : "from its opening";
        return c.Transition(EvidenceActions.OrderEvidenceExchange, judge, now,
            $"{(mode == ExchangeMode.Synchronous ? "Synchronous" : "Asynchronous")} exchange of evidence ordered from "
            + $"{ChinaTime.ToChinaTime(opens):yyyy-MM-dd HH:mm} to {ChinaTime.ToChinaTime(closesAt):yyyy-MM-dd HH:mm}; {shown} "
            + "(Online Litigation Rules art. 14)",
            x => x.WithEvidence(summary with { Exchanges = [.. summary.Exchanges, order] }));
    }

    /// <summary>
    /// Whether a side's evidence has reached the other side: an exchange has opened, or was ordered with disclosure at once.
    /// </summary>
    public static bool Disclosed(EvidenceSummary? summary, DateTimeOffset now) =>
        summary is not null && summary.Exchanges.Any(e => e.DisclosedFrom <= now);

    /// <summary>The exchange whose window is open now, if any.</summary>
    public static ExchangeOrder? OpenAt(EvidenceSummary? summary, DateTimeOffset now) =>
        summary?.Exchanges.FirstOrDefault(e => e.IsOpen(now));

    /// <summary>
    /// Whether a viewer on <paramref name="viewer"/>'s side (<see cref="CaseSide.Court"/>: the court; null: no side) sees an item of
    /// <paramref name="owner"/>'s side: the court and the item's own side always; the other side once disclosed, and never an item
    /// excluded as late.
    /// </summary>
    public static bool CanSee(CaseSide? viewer, CaseSide owner, EvidenceSummary? summary, AdmissionRuling? ruling, DateTimeOffset now) =>
        viewer is CaseSide.Court || viewer == owner
        || (viewer is not null && ruling?.Decision != LateEvidenceDecision.Exclude && Disclosed(summary, now));

    public static bool CanSee(CaseSide? viewer, EvidenceItem item, EvidenceSummary? summary, AdmissionRuling? ruling, DateTimeOffset now) =>
        CanSee(viewer, item.Side, summary, ruling, now);
}
