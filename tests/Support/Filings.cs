namespace ECourt.Testing;

/// <summary>Builders for filing bodies, with identity numbers whose check characters are right.</summary>
public static class Filings
{
    public const string PlaintiffId = "11010519491231002X";   // GB 11643-1999's own example
    public const string DefendantCreditCode = "91230102MA1C8K7PX8";

    public static Dictionary<string, object?> Property(string filerId, string claimAmount = "100000.00", string procedure = "ordinary") => new()
    {
        ["caseType"] = "property",
        ["procedure"] = procedure,
        ["cause"] = "民间借贷纠纷",
        ["claimAmount"] = claimAmount,
        ["claims"] = "判令被告偿还借款" + claimAmount + "元",
        ["facts"] = "被告于2025年借款，到期未还。",
        ["parties"] = new object[]
        {
            new Dictionary<string, object?>
            {
                ["role"] = "plaintiff", ["kind"] = "person", ["name"] = "刘志强", ["idType"] = "resident-id", ["idNumber"] = PlaintiffId,
                ["phone"] = "13800000000", ["email"] = "liu@example.com", ["userId"] = filerId, ["electronicServiceConsent"] = true,
                ["serviceAddresses"] = new object[] { new Dictionary<string, object?> { ["channel"] = "sms", ["address"] = "13800000000" } },
            },
            new Dictionary<string, object?>
            {
                ["role"] = "defendant", ["kind"] = "organisation", ["name"] = "示例科技有限公司", ["creditCode"] = DefendantCreditCode, ["address"] = "哈尔滨市南岗区示例路1号",
            },
        },
    };

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
}
