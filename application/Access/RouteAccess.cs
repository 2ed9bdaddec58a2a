using ECourt.Domain.Access;

namespace ECourt.Application.Access;

/// <summary>How a route decides who calls it.</summary>
public enum RouteScope
{
    /// <summary>Anyone, signed in or not (at the anonymous rate).</summary>
    Public,
    /// <summary>A caller that authenticates itself with the route's own key or token (a webhook).</summary>
    Webhook,
    /// <summary>A signed-in caller in one of the row's roles (none listed: any); the route works on the caller's own things.</summary>
    SignedIn,
    /// <summary>A route on a case named in its path: by the caller's relationships to the case and roles.</summary>
    Case,
    /// <summary>A route on a case found from another id in its path (a certificate's): the use case authorizes with the row.</summary>
    CaseOf,
}

/// <summary>A relationship to the case, and the roles a caller of that relationship must be signed in as.</summary>
public sealed record Grant(CaseRelation Relation, IReadOnlySet<string> Roles);

/// <summary>
/// One row of the access table: which callers may call a route. For a route on a case, a caller that does not know the
/// case exists gets 404, one that does but is not granted gets 403, both before the body, the case's state or any rule is
/// looked at; an anonymous caller of a route that is not public gets 401. <see cref="LoadsFile"/>: the route reads the
/// whole case file (one query) rather than its snapshot (one point read).
/// </summary>
public sealed record RouteAccess(string Function, RouteScope Scope, IReadOnlyList<Grant> Grants, IReadOnlySet<string> Roles,
    bool LoadsFile = false)
{
    public bool Allows(IReadOnlySet<CaseRelation> relations, CourtUser caller) =>
        Grants.Any(g => relations.Contains(g.Relation) && g.Roles.Overlaps(caller.Roles));

    public bool AllowsRoles(CourtUser caller) => Roles.Count == 0 || Roles.Overlaps(caller.Roles);
}
