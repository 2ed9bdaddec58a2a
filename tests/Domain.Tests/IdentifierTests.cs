using ECourt.Domain.Numbering;
using ECourt.Domain.Parties;
using ECourt.Domain.Payments;

namespace ECourt.Domain.Tests;

public class IdentifierTests
{
    [Theory]
    // The examples printed in GB 11643-1999.
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("11010519491231002x")]
    // A legacy 15-digit number (no check character).
    [InlineData("110105491231002")]
    public void ResidentId_Valid(string id) => Assert.Null(ResidentIdNumber.Problem(id));

    [Theory]
    [InlineData("110105194912310021")] // wrong check character
    [InlineData("11010519491331002X")] // month 13
    [InlineData("1101051949123100")]
    [InlineData("11010519491231002Y")]
    [InlineData("")]
    public void ResidentId_Invalid(string id) => Assert.NotNull(ResidentIdNumber.Problem(id));

    [Theory]
    // Fictitious registrations whose check characters were worked by hand from GB 32100-2015 §5 (weights 3^(i-1) mod 31
    // over the 31-character set without I, O, S, V, Z): an enterprise, a public institution, a farmers' cooperative.
    [InlineData("91230102MA1C8K7PX8")]
    [InlineData("12100000MB0C12345E")]
    [InlineData("93350102MA2Y3K9L0D")]
    public void CreditCode_Valid(string code) => Assert.Null(UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData("91230102MA1C8K7PX9")] // wrong check character
    [InlineData("91110105MA01ABCD2I")] // I is not in the character set
    [InlineData("91230102MA1C8K7P")]
    public void CreditCode_Invalid(string code) => Assert.NotNull(UnifiedSocialCreditCode.Problem(code));

    [Theory]
    [InlineData(IdentityDocumentType.Passport, "E12345678", true)]
    [InlineData(IdentityDocumentType.Passport, "e1", false)]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "H12345678", true)]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "X12345678", false)]
    [InlineData(IdentityDocumentType.TaiwanPermit, "12345678", true)]
    [InlineData(IdentityDocumentType.TaiwanPermit, "1234567", false)]
    public void OtherDocuments_Form(IdentityDocumentType type, string number, bool ok) => Assert.Equal(ok, type.Problem(number) is null);

    [Fact]
    public void CaseNumber_SpcFormatWithFullWidthParentheses()
    {
        var n = new CaseNumber(2026, "黑01", "民初", 123);
        Assert.Equal("（2026）黑01民初123号", n.ToString());
        Assert.True(CaseNumber.TryParse("（2026）黑01民初123号", out var parsed));
        Assert.Equal(n, parsed);
        Assert.False(CaseNumber.TryParse("(2026)黑01民初123号", out _));
    }

    [Fact]
    public void Luhn_IsoExample() => Assert.Equal('3', VirtualAccountNumber.LuhnDigit("7992739871"));

    [Fact]
    public void AccountNumber_CheckDigitCatchesTyposAndSwaps()
    {
        var account = VirtualAccountNumber.Issue("62170001", 2026, 11, 123);
        Assert.Equal(19, account.Length);
        Assert.StartsWith("621700012611000123", account);
        Assert.True(VirtualAccountNumber.IsValid(account));
        var typo = account[..5] + (char)('0' + (account[5] - '0' + 1) % 10) + account[6..];
        Assert.False(VirtualAccountNumber.IsValid(typo));
        var swapped = account[..14] + account[15] + account[14] + account[16..];
        if (account[14] != account[15]) Assert.False(VirtualAccountNumber.IsValid(swapped));
    }

    [Fact]
    public void AccountNumber_UniquePerCaseNumber()
    {
        var seen = new HashSet<string>();
        for (var seq = 1; seq <= 2000; seq++)
        {
            Assert.True(seen.Add(VirtualAccountNumber.Issue("62170001", 2026, 11, seq)));
            Assert.True(seen.Add(VirtualAccountNumber.Issue("62170001", 2026, 21, seq)));
        }
    }
}
