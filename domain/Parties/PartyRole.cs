namespace ECourt.Domain.Parties;

public enum PartyRole
{
    Plaintiff,
    Defendant,
    ThirdParty,
}

public enum PartyKind
{
    Person,
    Organisation,
}

public static class PartyEnums
{
    public static bool TryParseRole(string? name, out PartyRole role)
    {
        switch (name)
        {
            case "plaintiff": role = PartyRole.Plaintiff; return true;
            case "defendant": role = PartyRole.Defendant; return true;
            case "third-party": role = PartyRole.ThirdParty; return true;
            default: role = default; return false;
        }
    }

    public static string Name(this PartyRole role) => role switch
    {
        PartyRole.Plaintiff => "plaintiff",
        PartyRole.Defendant => "defendant",
        PartyRole.ThirdParty => "third-party",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParseKind(string? name, out PartyKind kind)
    {
        switch (name)
        {
            case "person": kind = PartyKind.Person; return true;
            case "organisation": kind = PartyKind.Organisation; return true;
            default: kind = default; return false;
        }
    }

    public static string Name(this PartyKind kind) => kind == PartyKind.Person ? "person" : "organisation";
}
