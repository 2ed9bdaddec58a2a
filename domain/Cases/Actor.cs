namespace ECourt.Domain.Cases;

/// <summary>Who did something: a user with the role they acted in, or the system keeping a deadline.</summary>
public sealed record Actor(string UserId, string Role)
{
    public static Actor System { get; } = new("system", "system");
}
