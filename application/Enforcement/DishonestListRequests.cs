using ECourt.Application.Cases;
using ECourt.Domain.Enforcement;

namespace ECourt.Application.Enforcement;

/// <summary>POST /api/enforcement/{caseId}/dishonest-listing: the debtor, the ground (art. 1), the facts, and any extension of the
/// term.</summary>
public sealed record DishonestListingRequest(
    [property: Required, Bound(EnforcementBounds.MaxParties, Min = 1)] int? Debtor,
    [property: Required, OneOf(typeof(DishonestGround)), Bound(Bounds.WireName)] string? Ground,
    [property: Required, Bound(Bounds.Note)] string? Facts,
    [property: Bound(DishonestList.MaxExtraYears)] int? ExtraYears);

/// <summary>POST /api/enforcement/{caseId}/dishonest-listing/removal: the debtor taken off the list, and why.</summary>
public sealed record DishonestRemovalRequest(
    [property: Required, Bound(EnforcementBounds.MaxParties, Min = 1)] int? Debtor,
    [property: Required, Bound(Bounds.Note)] string? Reason);

/// <summary>POST /api/enforcement/{caseId}/consumption-restriction: the listed debtor whose restriction order the president
/// signs.</summary>
public sealed record ConsumptionRestrictionRequest(
    [property: Required, Bound(EnforcementBounds.MaxParties, Min = 1)] int? Debtor);

/// <summary>GET /api/dishonest-debtors: the name searched, and optionally the last 4 characters of the identity number.</summary>
public sealed record DishonestSearch(string? Name, string? IdSuffix);
