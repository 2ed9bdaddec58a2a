using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// Listing a debtor as dishonest (SPC Provisions on the List of Dishonest Judgment Debtors, 2017): by the court's written decision
/// on one of the grounds of art. 1, served on the debtor; never a minor (art. 4), nor a debtor whose frozen assets already cover the
/// debt (art. 3); for a debtor able but refusing, no fixed term (removed on performance), for the other grounds 2 years, extended by 1
/// to 3 for violence or several grounds (art. 2); taken off within 3 working days of full performance (art. 10). A listed debtor is
/// restricted from high consumption by an order the president signs (SPC Provisions on Restricting High Consumption, 2015, art. 1),
/// lifted on performance (art. 9), not when a listing's term ends with the debt unpaid. The bar of art. 3 (assets the court controls
/// suffice) holds for the ground of art. 1(1) alone.
/// </summary>
public static class DishonestList
{
    public const string Source = "SPC Provisions on the List of Dishonest Judgment Debtors (2017)";

    public const string RestrictionSource = "SPC Provisions on Restricting High Consumption of Judgment Debtors (2015) arts. 1, 3, 9";

    public const int RemovalWorkingDays = 3;

    public const int StandardYears = 2;

    public const int MaxExtraYears = 3;

    public static (CourtCase Case, CaseEvent Event) List(CourtCase c, Actor officer, int debtor, DishonestGround ground, int extraYears,
        string facts, string documentId, DateTimeOffset at, DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        var e = EnforcementMeasures.Of(c);
        if (!e.Debtors.Contains(debtor))
            throw new DomainRuleException("not-a-debtor", $"Party {debtor} is not a debtor of this enforcement case.", "debtor");
        if (c.Parties.Single(p => p.PartyNumber == debtor).Minor)
            throw new DomainRuleException("dishonest-minor", $"A minor is never put on the dishonest list ({Source} art. 4).", "debtor");
        if (e.Listings.Any(l => l.Debtor == debtor && l.InForce))
            throw new DomainRuleException("already-listed", $"Party {debtor} is on the dishonest list already.", "debtor");
        // Art. 3: a debtor whose assets the court already controls, enough to pay the debt, is not listed as able but refusing.
        var debt = Math.Max(0m, e.AmountToRecover - e.Performed);
        if (ground == DishonestGround.AbleButRefusing && e.Controlled >= debt)
            throw new DomainRuleException("dishonest-debt-secured",
                $"Frozen assets ({e.Controlled:0.00} yuan) cover the debt still unpaid ({debt:0.00}): the debtor is not listed as able but "
                + $"refusing ({Source} art. 3).");
        if (extraYears != 0 && (ground == DishonestGround.AbleButRefusing || extraYears is < 1 or > MaxExtraYears))
            throw new DomainRuleException("dishonest-term",
                $"A term is extended by 1 to {MaxExtraYears} years, for a ground other than able-but-refusing, where the debtor used "
                    + $"violence or "
                + $"several grounds apply ({Source} art. 2).", "extraYears");
        var decided = ChinaTime.DateOf(at);
        DateOnly? until = ground == DishonestGround.AbleButRefusing ? null : decided.AddYears(StandardYears + extraYears);
        var listing = new DishonestListing(debtor, ground, extraYears, facts, officer.UserId, at, until, documentId, null, null, null,
            new ConsumptionRestriction(null, null, null), false);
        return EnforcementMeasures.Act(c, officer, at,
            $"Party {debtor} put on the dishonest list ({ground.WireName()}; "
                + $"{(until is { } u ? $"until {u:yyyy-MM-dd}" : "until performance")}); "
            + "the consumption restriction awaits the president's signature",
            x => x with { Listings = [.. x.Listings, listing] }, deadlines, supervisionWorkingDays);
    }

    /// <summary>The president signs the consumption restriction order of a listed debtor.</summary>
    public static (CourtCase Case, CaseEvent Event) SignRestriction(CourtCase c, Actor president, int debtor, DateTimeOffset at)
    {
        var e = EnforcementMeasures.Of(c);
        var listing = e.Listings.FirstOrDefault(l => l.Debtor == debtor && l.InForce)
            ?? throw new DomainRuleException("not-listed", $"Party {debtor} is not on the dishonest list.", "debtor");
        if (listing.Restriction.SignedAt is not null)
            throw new DomainRuleException("restriction-signed", $"The consumption restriction of party {debtor} is signed already.");
        return EnforcementMeasures.Result(c, president, at,
            $"Consumption restriction of party {debtor} signed by the president ({RestrictionSource})",
            x => x with
            {
                Listings = x.Listings.Select(l => l == listing ? l with { Restriction = new(president.UserId, at, null) }
                : l).ToList()
            });
    }

    /// <summary>The officer takes a debtor off the list (performed, the decision revoked, a correction granted), with the reason.</summary>
    public static (CourtCase Case, CaseEvent Event) Remove(CourtCase c, Actor officer, int debtor, string reason, DateTimeOffset at,
        DeadlineCalculator deadlines, int supervisionWorkingDays)
    {
        var e = EnforcementMeasures.Of(c);
        if (!e.Listings.Any(l => l.Debtor == debtor && l.InForce))
            throw new DomainRuleException("not-listed", $"Party {debtor} is not on the dishonest list.", "debtor");
        return EnforcementMeasures.Act(c, officer, at, $"Party {debtor} taken off the dishonest list: {reason}",
            x => Removed(x, l => l.Debtor == debtor, reason, at, liftRestriction: true), deadlines, supervisionWorkingDays);
    }

    /// <param name="liftRestriction">
    /// false when a listing's term ends with the debt unpaid: the restriction stays until performance (2015 Provisions art. 9)
    /// </param>
    private static EnforcementSummary Removed(EnforcementSummary e, Func<DishonestListing, bool> which, string reason, DateTimeOffset at,
        bool liftRestriction) =>
        e with
        {
            Listings = e.Listings.Select(l => l.InForce && which(l)
                ? l with
                {
                    RemovedAt = at,
                    RemovalReason = reason,
                    PublicListCurrent = false,
                    Restriction = liftRestriction && l.Restriction.InForce ? l.Restriction with { LiftedAt = at } : l.Restriction,
                }
                : l).ToList(),
        };

    /// <summary>The last day to take the debtors off once the debt is performed in full: 3 working days after (art. 10).</summary>
    public static Deadline? RemovalDue(EnforcementSummary e, DeadlineCalculator deadlines) =>
        e.FullyPerformedAt is { } done && e.Listings.Any(l => l.InForce)
            ? deadlines.Compute(ChinaTime.DateOf(done), RemovalWorkingDays, PeriodUnit.WorkingDays)
            : null;

    /// <summary>
    /// Kept as of court time: debtors are taken off once the debt is performed in full (art. 10; the consumption restriction lifted
    /// with it, Provisions on Restricting High Consumption art. 9), and when a listing's term ended.
    /// </summary>
    public static (CourtCase Case, CaseEvent Event)? Keep(CourtCase c, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e) return null;
        var today = ChinaTime.DateOf(at);
        var performed = e.FullyPerformedAt is not null;
        var due = e.Listings.Where(l => l.InForce && (performed || l.Until < today)).ToList();
        if (due.Count == 0) return null;
        var reason = performed ? "the debt is performed in full" : "the listing's term ended";
        return EnforcementMeasures.Result(c, Actor.System, at,
            $"Party {string.Join(", ", due.Select(l => l.Debtor))} taken off the dishonest list: {reason} ({Source} art. 10)",
            x => Removed(x, due.Contains, reason, at, liftRestriction: performed));
    }

    /// <summary>The public list now shows what the listings say (written or removed there).</summary>
    public static (CourtCase Case, CaseEvent Event)? Published(CourtCase c, IReadOnlyCollection<int> debtors, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e || !e.Listings.Any(l => !l.PublicListCurrent && debtors.Contains(l.Debtor))) return null;
        return c.Record("DishonestListPublished", Actor.System, at, "The public dishonest list updated",
            x => x.WithEnforcement(e with
            {
                Listings = e.Listings.Select(l => debtors.Contains(l.Debtor) ? l with { PublicListCurrent = true } : l).ToList(),
            }));
    }

    /// <summary>The decision served (sent to every debtor listed).</summary>
    public static (CourtCase Case, CaseEvent Event)? Sent(CourtCase c, string documentId, DateTimeOffset at)
    {
        if (c.Enforcement is not { } e || !e.Listings.Any(l => l.DocumentId == documentId && l.SentAt is null)) return null;
        return c.Record("DishonestDecisionSent", Actor.System, at, "The decision to list the debtor sent for service",
            x => x.WithEnforcement(e with
            {
                Listings = e.Listings.Select(l => l.DocumentId == documentId ? l with { SentAt = at } : l).ToList(),
            }));
    }
}
