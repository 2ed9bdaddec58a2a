namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// How many SMS parts a text takes (3GPP TS 23.038 / 23.040): in the GSM 7-bit alphabet 160 characters,
/// 153 a part when concatenated (characters of the extension table count twice); any other character,
/// Chinese included, sends the whole text in UCS-2: 70 characters, 67 a part when concatenated.
/// </summary>
public static class SmsLength
{
    private const string Gsm7Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public sealed record Count(bool Unicode, int Units, int Parts);

    public static Count Of(string text)
    {
        var gsm = 0;
        foreach (var c in text)
        {
            if (Gsm7Basic.Contains(c)) gsm += 1;
            else if (Gsm7Extension.Contains(c)) gsm += 2;
            else
            {
                // UCS-2 counts UTF-16 code units: a character outside the BMP takes two.
                var units = text.Length;
                return new Count(true, units, units <= 70 ? 1 : (units + 66) / 67);
            }
        }
        return new Count(false, gsm, gsm <= 160 ? 1 : (gsm + 152) / 153);
    }
}
