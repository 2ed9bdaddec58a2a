namespace ECourt.Domain.Fees;

public enum Procedure
{
    Ordinary,
    Simplified,
    SmallClaims,
}

public static class Procedures
{
    public static bool TryParse(string? name, out Procedure procedure)
    {
        switch (name)
        {
            case null or "" or "ordinary": procedure = Procedure.Ordinary; return true;
            case "simplified": procedure = Procedure.Simplified; return true;
            case "small-claims": procedure = Procedure.SmallClaims; return true;
            default: procedure = default; return false;
        }
    }

    public static string Name(this Procedure procedure) => procedure switch
    {
        Procedure.Ordinary => "ordinary",
        Procedure.Simplified => "simplified",
        Procedure.SmallClaims => "small-claims",
        _ => throw new ArgumentOutOfRangeException(nameof(procedure)),
    };
}
