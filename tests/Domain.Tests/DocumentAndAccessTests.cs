using System.IO.Compression;
using ECourt.Domain.Access;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Parties;

namespace ECourt.Domain.Tests;

public class DocumentFormatTests
{
    [Fact]
    public void Detect_ByContent()
    {
        Assert.Equal("application/pdf", DocumentFormat.Detect("%PDF-1.7\n"u8));
        Assert.Equal("image/png", DocumentFormat.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]));
        Assert.Equal("image/jpeg", DocumentFormat.Detect([0xFF, 0xD8, 0xFF, 0xDB]));
        Assert.Null(DocumentFormat.Detect("GIF89a"u8));
        Assert.Null(DocumentFormat.Detect("PDF-1.7 without the percent"u8));
        Assert.Null(DocumentFormat.Detect([]));
    }

    [Fact]
    public void Ofd_IsAZipWithOfdXmlAtItsRoot()
    {
        static byte[] Zip(string entry)
        {
            using var ms = new MemoryStream();
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true)) zip.CreateEntry(entry);
            return ms.ToArray();
        }
        Assert.Equal("application/ofd", DocumentFormat.Detect(Zip("OFD.xml")));
        Assert.Null(DocumentFormat.Detect(Zip("word/document.xml")));
        Assert.Null(DocumentFormat.Detect(Zip("Doc_0/OFD.xml")));
    }

    [Theory]
    [InlineData("起诉状.pdf", true)]
    [InlineData("evidence 1.png", true)]
    [InlineData("../x.pdf", false)]
    [InlineData("a/b.pdf", false)]
    [InlineData("a\\b.pdf", false)]
    [InlineData("c:x.pdf", false)]
    [InlineData("..", false)]
    [InlineData("bad\u0001name.pdf", false)]
    [InlineData(" ", false)]
    [InlineData("\u202Efdp.exe", false)]
    public void FileNames_WithoutPaths(string name, bool ok) => Assert.Equal(ok, DocumentFormat.FileNameProblem(name) is null);

    /// <summary>
    /// UAX #9's explicit embeddings and overrides (LRE U+202A, RLE U+202B, PDF U+202C, LRO U+202D, RLO U+202E) and isolates
    /// (LRI U+2066, RLI U+2067, FSI U+2068, PDI U+2069) are refused; the implicit marks LRM U+200E and RLM U+200F are not.
    /// </summary>
    [Theory]
    [InlineData('\u202A', true)]
    [InlineData('\u202B', true)]
    [InlineData('\u202C', true)]
    [InlineData('\u202D', true)]
    [InlineData('\u202E', true)]
    [InlineData('\u2066', true)]
    [InlineData('\u2067', true)]
    [InlineData('\u2068', true)]
    [InlineData('\u2069', true)]
    [InlineData('\u200E', false)]
    [InlineData('\u200F', false)]
    [InlineData('\u2029', false)]
    [InlineData('\u206A', false)]
    [InlineData('民', false)]
    public void BidirectionalControls_AreFoundInText(char c, bool found) =>
        Assert.Equal(found, ReadableText.HasBidiControl("起诉状" + c + "pdf"));

    [Fact]
    public void FileName_At200Characters()
    {
        Assert.Null(DocumentFormat.FileNameProblem(new string('a', 196) + ".pdf"));
        Assert.NotNull(DocumentFormat.FileNameProblem(new string('a', 197) + ".pdf"));
    }
}

public class CaseVisibilityTests
{
    private static CourtCase Case()
    {
        var lawyer = new Representative(RepresentativeKind.Lawyer, "王律师", "lawyer-1", "12301199910123456", "某律师事务所",
            AuthorityScope.Special, [SpecialPower.Settle]);
        Party P(int n, PartyRole role, string? user, IReadOnlyList<Representative> reps) => new(n, role, PartyKind.Person, "张三",
            IdentityDocumentType.ResidentId,
            "11010519491231002X", null, null, null, null, user, false, null, [], reps);
        return CourtCase.Draft("cs000000000000000000000001", "黑01", Cases.FeeCaseType.Property, Cases.Procedure.Ordinary, "x", 1m, "x", "x",
            [P(1, PartyRole.Plaintiff, "u1", [lawyer]), P(2, PartyRole.Defendant, "u2", [])], new Actor("lawyer-1", "lawyer"), "fp",
            DateTimeOffset.Parse("2026-11-26T10:00:00+08:00")).Case;
    }

    private static CourtUser User(string id, string role, string court = "黑01") => new(id, id, new HashSet<string> { role }, court);

    [Theory]
    [InlineData("u1", "party", true)]         // a plaintiff
    [InlineData("lawyer-1", "lawyer", true)]  // the plaintiff's lawyer, who filed
    [InlineData("u2", "party", false)]        // the defendant: a draft is the plaintiff's alone
    [InlineData("u3", "party", false)]        // a stranger
    [InlineData("c1", "clerk", true)]         // case staff of the case's court
    [InlineData("j1", "judge", true)]
    [InlineData("f1", "finance", true)]       // finance staff know the case (its account); the access table grants them its ledger only
    [InlineData("h1", "hotline-agent", false)]
    public void WhoKnowsADraft(string user, string role, bool sees) => Assert.Equal(sees, CaseVisibility.CanSee(User(user, role), Case()));

    [Fact]
    public void TheOtherSide_KnowsTheCaseFromRegistrationOn()
    {
        var registered = Case() with { CaseNumber = "（2026）黑01民初1号" };
        Assert.True(CaseVisibility.CanSee(User("u2", "party"), registered));
        Assert.Equal(new HashSet<CaseRelation> { CaseRelation.OtherSide }, CaseRelations.Of(User("u2", "party"), registered));
    }

    [Theory]
    [InlineData("lawyer-1", "lawyer", new[] { CaseRelation.Filer, CaseRelation.OwnRepresentative })]
    [InlineData("u1", "party", new[] { CaseRelation.OwnSide })]
    [InlineData("u1", "clerk", new[] { CaseRelation.CourtStaff })]   // a party relationship needs a party's or lawyer's role
    [InlineData("f1", "finance", new[] { CaseRelation.Finance })]
    [InlineData("a1", "admin", new[] { CaseRelation.CourtAdmin })]
    [InlineData("u3", "party", new[] { CaseRelation.Unrelated })]
    public void Relations_OfEachCaller(string user, string role, CaseRelation[] expected) =>
        Assert.Equal(expected.ToHashSet(), CaseRelations.Of(User(user, role), Case()));

    [Fact]
    public void NoCaller_IsAnonymous() => Assert.Equal(new HashSet<CaseRelation> { CaseRelation.Anonymous }, CaseRelations.Of(null,
        Case()));

    [Fact]
    public void StaffOfAnotherCourt_DoNotSee()
    {
        Assert.False(CaseVisibility.CanSee(User("c9", "clerk", "黑0102"), Case()));
        Assert.Equal(new HashSet<CaseRelation> { CaseRelation.OtherCourtStaff }, CaseRelations.Of(User("c9", "clerk", "黑0102"), Case()));
    }

    [Theory]
    [InlineData("lawyer-1", new[] { CaseSide.Filing })]   // filed, and acts for the plaintiff
    [InlineData("u1", new[] { CaseSide.Filing })]
    [InlineData("u2", new[] { CaseSide.Other })]
    [InlineData("lawyer-9", new[] { CaseSide.Other })]    // waiting for the clerk to accept it for the defendant: on its side already
    [InlineData("u3", new CaseSide[0])]
    public void SidesOfAnAccount_ByItsLinksAlone(string user, CaseSide[] expected)
    {
        var c = Case();
        var pending = new Representative(RepresentativeKind.Agent, "赵某", "lawyer-9", null, null, AuthorityScope.General, [],
            DateTimeOffset.UnixEpoch);
        c = c with { Parties = [c.Parties[0], c.Parties[1] with { Representatives = [pending] }] };
        Assert.Equal(expected.ToHashSet(), CaseRelations.SidesOfAccount(user, c));
    }

    [Fact]
    public void SpecialAuthority_HoldsOnlyItsPowers()
    {
        var lawyer = Case().Parties[0].Representatives[0];
        Assert.True(lawyer.Holds(SpecialPower.Settle));
        Assert.False(lawyer.Holds(SpecialPower.Withdraw));
    }
}

public class CaseFileLimitTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-26T10:00:00+08:00");

    private static CaseDocument Document(int n) =>
        new($"dc{n:D30}", DocumentKind.Evidence, "x.pdf", "application/pdf", 10, new string('0', 64), "u1", At);

    [Fact]
    public void CaseFile_HoldsAThousandDocuments_TheNextIsRefused_TheSameOneAgainChangesNothing()
    {
        var parties = new Party[]
        {
            new(1, PartyRole.Plaintiff, PartyKind.Person, "张三", null, null, null, null, null, null, "u1", false, null, [], []),
            new(2, PartyRole.Defendant, PartyKind.Person, "李四", null, null, null, null, null, null, null, false, null, [], []),
        };
        var c = CourtCase.Draft("cs000000000000000000000001", "黑01", FeeCaseType.Property, Procedure.Ordinary, "x", 1m, "x", "x", parties,
            new Actor("u1", "party"), "fp", At).Case;
        for (var i = 1; i <= 1000; i++) c = c.WithDocument(Document(i));
        Assert.Equal(1000, c.FiledDocuments.Count);
        Assert.Same(c, c.WithDocument(Document(1000)));
        Assert.Equal("case-file-full", Assert.Throws<DomainRuleException>(() => c.WithDocument(Document(1001))).Rule);
    }
}

public class AgentsAdLitemTests
{
    private static Representative Of(RepresentativeKind kind) => new(kind, "王律师", null, null, null, AuthorityScope.General, []);

    // CPL art. 61: "当事人、法定代理人可以委托一至二人作为诉讼代理人" (one or two persons).
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void OneOrTwoAgents_AGuardianOrLegalRepresentativeNotCounted(int agents, bool refused)
    {
        var representatives = Enumerable.Range(0, agents).Select(i => Of(i % 2 == 0 ? RepresentativeKind.Lawyer : RepresentativeKind.Agent))
            .Append(Of(RepresentativeKind.Guardian)).Append(Of(RepresentativeKind.LegalRepresentative)).ToList();
        Assert.Equal(refused, AgentsAdLitem.Problem(representatives) is not null);
    }
}

public class SpecialPowersTests
{
    // CPL art. 62: the special authority is to settle, withdraw or appeal (among the powers the system keeps): each named once.
    [Fact]
    public void EveryPowerThereIs_IsTheMost()
    {
        Assert.Equal(SpecialPowers.Max, Enum.GetValues<SpecialPower>().Length);
        Assert.Null(SpecialPowers.Problem([SpecialPower.Settle, SpecialPower.Withdraw, SpecialPower.Appeal]));
    }

    [Fact]
    public void NoneOrOneTwice_Refused()
    {
        Assert.NotNull(SpecialPowers.Problem([]));
        Assert.NotNull(SpecialPowers.Problem([SpecialPower.Appeal, SpecialPower.Appeal]));
        Assert.Null(SpecialPowers.Problem([SpecialPower.Appeal]));
    }
}
