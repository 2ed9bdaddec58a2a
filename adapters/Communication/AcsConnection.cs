namespace ECourt.Adapters.Communication;

/// <summary>
/// Where a Communication Services resource is and how to authenticate to it: its endpoint, and either
/// its access key (HMAC-signed requests) or none (Microsoft Entra tokens of the app's managed identity).
/// </summary>
public sealed record AcsConnection(Uri Endpoint, byte[]? AccessKey)
{
    /// <summary>Reads "endpoint=https://…/;accesskey=…" as the portal shows it.</summary>
    public static AcsConnection Parse(string connectionString)
    {
        string? endpoint = null, key = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var name = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase)) endpoint = value;
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase)) key = value;
        }
        if (endpoint is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new FormatException("A Communication Services connection string names its endpoint.");
        return new AcsConnection(uri, key is null ? null : Convert.FromBase64String(key));
    }
}
