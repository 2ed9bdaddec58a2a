using ECourt.Application.Cases;
using ECourt.Domain.Assignment;

namespace ECourt.Application.Assignment;

/// <summary>A member of the court's staff, as its administrator registers or changes them.</summary>
public sealed record StaffRequest(
    [property: Required, Bound(Bounds.Name)] string? Name,
    [property: Required, OneOf(typeof(Division)), Bound(Bounds.WireName)] string? Division,
    [property: Required, Bound(StaffRequest.MaxRoles, ItemChars = Bounds.WireName)] List<string?>? Roles,
    [property: Required] bool? Active)
{
    /// <summary>Every staff role at once is eight.</summary>
    public const int MaxRoles = 8;
}

/// <summary>A division head's or the president's assignment of a case: its judge and clerk, and why.</summary>
public sealed record AssignmentRequest(
    [property: Required, Bound(Bounds.UserId)] string? Judge,
    [property: Required, Bound(Bounds.UserId)] string? Clerk,
    [property: Required, Bound(Bounds.Note)] string? Reason);
