using ECourt.Domain.Access;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Tests;

public class PartyLinkCodeTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Issued = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Code_IsTenCharactersThatCanBeReadOverThePhone()
    {
        var code = PartyLinkCode.Issue(2, 1, Issued).Code(Key, "(2026)京0105民初1号");
        Assert.Equal(10, code.Length);
        Assert.DoesNotContain(code, ch => "01OIL".Contains(ch, StringComparison.Ordinal) || char.IsLower(ch));
    }

    [Fact]
    public void Code_DiffersByCasePartyAndGeneration_AndNeedsTheKey()
    {
        var code = PartyLinkCode.Compute(Key, "case-1", 2, 1);
        Assert.Equal(code, PartyLinkCode.Compute(Key, "case-1", 2, 1));
        Assert.NotEqual(code, PartyLinkCode.Compute(Key, "case-2", 2, 1));
        Assert.NotEqual(code, PartyLinkCode.Compute(Key, "case-1", 3, 1));
        Assert.NotEqual(code, PartyLinkCode.Compute(Key, "case-1", 2, 2));
        Assert.NotEqual(code, PartyLinkCode.Compute(new byte[32], "case-1", 2, 1));
    }

    [Fact]
    public void Matches_AsTypedOnAPhone_AndNothingElse()
    {
        var issued = PartyLinkCode.Issue(2, 1, Issued);
        var code = issued.Code(Key, "case-1");
        Assert.True(issued.Matches(Key, "case-1", code));
        Assert.True(issued.Matches(Key, "case-1", $" {code.ToLowerInvariant()} "));
        Assert.False(issued.Matches(Key, "case-2", code));
        Assert.False(issued.Matches(Key, "case-1", code[..9]));
        Assert.False(issued.Matches(Key, "case-1", ""));
    }

    [Fact]
    public void Code_LinksFor30Days()
    {
        var issued = PartyLinkCode.Issue(2, 1, Issued);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero), issued.ExpiresAt);
        Assert.Null(issued.Refusal(issued.ExpiresAt.AddSeconds(-1)));
        Assert.NotNull(issued.Refusal(issued.ExpiresAt));
    }

    [Fact]
    public void Code_IsRefusedOnceUsed()
    {
        var issued = PartyLinkCode.Issue(2, 1, Issued);
        Assert.Null(issued.Refusal(Issued));
        Assert.NotNull((issued with { UsedAt = Issued, UsedBy = "user-2" }).Refusal(Issued));
    }

    [Fact]
    public void Tries_AreCountedPerHolder_FiveAllowed_AndCountedAnewForTheNextGeneration()
    {
        var tries = LinkTries.First(2, 1);
        for (var i = 1; i < 5; i++) tries = tries.Next(1);
        Assert.Equal(5, tries.Count);
        Assert.False(tries.Exceeded);
        Assert.True(tries.Next(1).Exceeded);
        // The clerk's next code starts the count again.
        Assert.Equal(new LinkTries(2, 2, 1), tries.Next(2));
        Assert.False(tries.Next(2).Exceeded);
    }
}

public class PartyIdentityTests
{
    private static Party Person(string? userId = null) => new(2, PartyRole.Defendant, PartyKind.Person, "李四",
        IdentityDocumentType.ResidentId, "11010519491231002X", null, "13800000002", null, null, userId, false, null, [], []);

    private static Party Company() => new(2, PartyRole.Defendant, PartyKind.Organisation, "某有限公司",
        null, null, "91110105MA01ABCD2X", null, null, null, null, false, null, [], []);

    private static CourtUser User(string? idNumber = null, string? creditCode = null, string? name = null, string? organisation = null) =>
        new("user-2", "李四", new HashSet<string> { Roles.Party }, "")
        {
            VerifiedIdNumber = idNumber,
            VerifiedName = name,
            VerifiedCreditCode = creditCode,
            VerifiedOrganisationName = organisation,
        };

    [Fact]
    public void Person_IsVerifiedByTheRealNameClaims_IdNumberAndName()
    {
        Assert.True(PartyIdentity.IsVerifiedAs(User("11010519491231002x", name: "李四"), Person(), []));
        Assert.True(PartyIdentity.IsVerifiedAs(User("11010519491231002X", name: " 李四 "), Person(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User("11010519491231002X", name: "李 四四"), Person(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User("110105194912310011", name: "李四"), Person(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User(), Person(), []));
    }

    [Fact]
    public void Person_TheIdNumberThePlaintiffTyped_IsNotEnough_WithoutTheVerifiedName()
    {
        // The plaintiff typed an accomplice's id number for defendant 李四: the accomplice's verified name is 张三.
        Assert.False(PartyIdentity.IsVerifiedAs(User("11010519491231002X", name: "张三"), Person(), []));
        // A provider that verifies no name: only the clerk's check verifies.
        Assert.False(PartyIdentity.IsVerifiedAs(User("11010519491231002X"), Person(), []));
        Assert.True(PartyIdentity.IsVerifiedAs(User("11010519491231002X"), Person(),
            [new IdentityCheck(2, "user-2", "video", true, DateTimeOffset.UnixEpoch, "clerk-1")]));
    }

    [Fact]
    public void Organisation_IsVerifiedByTheCreditCodeItsAccountActsFor_AndTheOrganisationsVerifiedName()
    {
        Assert.True(PartyIdentity.IsVerifiedAs(User(creditCode: "91110105MA01ABCD2X", organisation: "某有限公司"), Company(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User(creditCode: "91110105MA01ABCD2X", organisation: "另一有限公司"), Company(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User(creditCode: "91110105MA01ABCD2X", name: "某有限公司"), Company(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User(creditCode: "91110105MA01ABCD2X"), Company(), []));
        Assert.False(PartyIdentity.IsVerifiedAs(User(idNumber: "91110105MA01ABCD2X", organisation: "某有限公司"), Company(), []));
    }

    [Fact]
    public void ClerksPassedCheck_OfThisAccountForThisParty_Verifies()
    {
        var at = DateTimeOffset.UnixEpoch;
        Assert.True(PartyIdentity.IsVerifiedAs(User(), Person(), [new IdentityCheck(2, "user-2", "video", true, at, "clerk-1")]));
        Assert.False(PartyIdentity.IsVerifiedAs(User(), Person(), [new IdentityCheck(2, "user-2", "video", false, at, "clerk-1")]));
        Assert.False(PartyIdentity.IsVerifiedAs(User(), Person(), [new IdentityCheck(3, "user-2", "video", true, at, "clerk-1")]));
        Assert.False(PartyIdentity.IsVerifiedAs(User(), Person(), [new IdentityCheck(2, "user-9", "video", true, at, "clerk-1")]));
    }

    [Fact]
    public void AnotherVerifiedIdentity_Contradicts_NoClaimDoesNot()
    {
        Assert.True(PartyIdentity.ContradictedBy(User("110105194912310011"), Person()));
        Assert.True(PartyIdentity.ContradictedBy(User("11010519491231002X", name: "张三"), Person()));
        Assert.False(PartyIdentity.ContradictedBy(User("11010519491231002X", name: "李四"), Person()));
        Assert.False(PartyIdentity.ContradictedBy(User("11010519491231002X"), Person()));
        Assert.False(PartyIdentity.ContradictedBy(User(), Person()));
        Assert.True(PartyIdentity.ContradictedBy(User(creditCode: "91110000100000000A"), Company()));
        Assert.True(PartyIdentity.ContradictedBy(User(creditCode: "91110105MA01ABCD2X", organisation: "另一有限公司"), Company()));
        Assert.False(PartyIdentity.ContradictedBy(User(creditCode: "91110105MA01ABCD2X", organisation: "某有限公司"), Company()));
    }
}
