namespace ECourt.Domain.Publication;

/// <summary>
/// A domicile kept only to the county level (district level in municipalities): the address up to its first district, county or
/// banner (区, 县, 旗), else up to its last city (a county-level city); the rest deleted (DOMAIN.md "Publishing judgments: details").
/// </summary>
public static class CountyLevel
{
    public static string Of(string address)
    {
        var cut = address.IndexOfAny(['区', '县', '旗'], 2);
        if (cut < 0) cut = address.LastIndexOf('市');
        return cut < 0 ? "" : address[..(cut + 1)];
    }
}
