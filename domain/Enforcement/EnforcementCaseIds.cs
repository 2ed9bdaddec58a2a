using System.Security.Cryptography;
using System.Text;

namespace ECourt.Domain.Enforcement;

/// <summary>
/// The enforcement case a creditor's application opens has an id derived from the original case and the creditor's party number:
/// a repeated application (a retry, a crash half-way) lands on the same enforcement case, and one creditor has one.
/// </summary>
public static class EnforcementCaseIds
{
    public static string For(string originalCaseId, int creditorParty) =>
        "cs" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{originalCaseId}/enforcement/{creditorParty}"))[..12]);
}
