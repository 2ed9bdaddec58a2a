using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Documents;
using ECourt.Domain.Filing;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Tests;

/// <summary>Service of documents (DOMAIN.md; CPL arts. 90, 95; SPC CPL Interpretation arts. 138, 140).</summary>
public class ServiceRulesTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-26T10:00:00+08:00");

    private static Party Party(ElectronicServiceConsent? consent, params ServiceAddress[] addresses) => new(2, PartyRole.Defendant, PartyKind.Person, "王建国",
        IdentityDocumentType.ResidentId, "11010519491231002X", null, "13800138000", "wang@example.com", "哈尔滨市南岗区红军街1号", null, false,
        consent, addresses, []);

    private static readonly ElectronicServiceConsent Consent = new(ConsentSource.Express, At, "user-wang");

    [Fact]
    public void Route_ConsentedElectronicFirst_InTheCourtsOrder_ConfirmedFirst_ThenPost_ThenPublicNotice()
    {
        var party = Party(Consent,
            new ServiceAddress(ServiceChannel.Email, "wang@example.com", At, "user-wang"),
            new ServiceAddress(ServiceChannel.Sms, "+8613800138001", null, null),
            new ServiceAddress(ServiceChannel.Sms, "+8613800138000", At, "user-wang"),
            new ServiceAddress(ServiceChannel.Postal, "哈尔滨市道里区中央大街2号", At, "user-wang"));
        var route = ServiceRoute.For(party, "user-liu", [ServiceChannel.Sms, ServiceChannel.Email]);
        Assert.Equal(
        [
            new ServiceStep(ServiceMethod.Sms, "+8613800138000", true),
            new ServiceStep(ServiceMethod.Sms, "+8613800138001", false),
            new ServiceStep(ServiceMethod.Email, "wang@example.com", true),
            new ServiceStep(ServiceMethod.Post, "哈尔滨市道里区中央大街2号", true),
            new ServiceStep(ServiceMethod.PublicNotice, null, false),
        ], route);
        // A court that prefers email puts it first.
        Assert.Equal(ServiceMethod.Email, ServiceRoute.For(party, "user-liu", [ServiceChannel.Email, ServiceChannel.Sms])[0].Method);
    }

    [Fact]
    public void Route_WithoutConsent_NoElectronicService_PostToTheAddressInTheComplaint_Found()
    {
        var route = ServiceRoute.For(Party(null, new ServiceAddress(ServiceChannel.Sms, "+8613800138000", At, "user-wang")), "user-liu", ServiceRoute.DefaultChannelOrder);
        Assert.Equal([new ServiceStep(ServiceMethod.Post, "哈尔滨市南岗区红军街1号", false), new ServiceStep(ServiceMethod.PublicNotice, null, false)], route);
    }

    /// <summary>The plaintiff as an online filer gives it: its own account, consent, and its own phone, email and address (confirmed).</summary>
    private static Party OnlineFiler(bool consent, params ServiceAddress[] addresses) => new(1, PartyRole.Plaintiff, PartyKind.Person, "刘志强",
        IdentityDocumentType.ResidentId, "11010519491231002X", null, null, null, null, "user-liu", false,
        consent ? new ElectronicServiceConsent(ConsentSource.Express, At, "user-liu") : null, addresses, []);

    [Fact]
    public void Route_OnlineFiler_ItsOwnAddressesConfirmed_NeverPublicNotice_EndsWithTheClerk()
    {
        var route = ServiceRoute.For(OnlineFiler(true,
            new ServiceAddress(ServiceChannel.Sms, "13800000000", At, "user-liu"),
            new ServiceAddress(ServiceChannel.Email, "a@example.com", At, "user-liu"),
            new ServiceAddress(ServiceChannel.Postal, "哈尔滨市道里区中央大街2号", At, "user-liu")), "user-liu", ServiceRoute.DefaultChannelOrder);
        Assert.Equal(
        [
            new ServiceStep(ServiceMethod.Sms, "13800000000", true),
            new ServiceStep(ServiceMethod.Email, "a@example.com", true),
            new ServiceStep(ServiceMethod.Post, "哈尔滨市道里区中央大街2号", true),
            new ServiceStep(ServiceMethod.Clerk, null, false),
        ], route);
    }

    [Fact]
    public void Route_PlatformAccountOnly_ServedIntoTheInbox_ConfirmedWhenThePartyConsentedItself()
    {
        Assert.Equal([new ServiceStep(ServiceMethod.Inbox, "user-liu", true), new ServiceStep(ServiceMethod.Clerk, null, false)],
            ServiceRoute.For(OnlineFiler(true), "user-liu", ServiceRoute.DefaultChannelOrder));
        // An account the other side named, with consent from a prior contract: the inbox, but served only when opened.
        var defendant = Party(new ElectronicServiceConsent(ConsentSource.PriorContract, At, "user-liu")) with { UserId = "user-wang" };
        Assert.Equal(new ServiceStep(ServiceMethod.Inbox, "user-wang", false), ServiceRoute.For(defendant, "user-liu", ServiceRoute.DefaultChannelOrder)[0]);
        // Without consent there is no electronic service, inbox included; with no address either, only the clerk is left.
        Assert.Equal([new ServiceStep(ServiceMethod.Clerk, null, false)], ServiceRoute.For(OnlineFiler(false), "user-liu", ServiceRoute.DefaultChannelOrder));
    }

    [Fact]
    public void Inbox_DeliveredAtOnce_ServesAConfirmedAccount_AFoundOneWaitsToBeOpened()
    {
        ServiceRecord Start(bool confirmed) => ServiceRecord.Start("cs1", "doc1", ServedDocumentKind.FeeNotice, "00", 1, "刘志强", "user-liu",
            [new ServiceStep(ServiceMethod.Inbox, "user-liu", confirmed), new ServiceStep(ServiceMethod.Clerk, null, false)], At);
        var served = Start(true).DeliveredToInbox(At, "item-1");
        Assert.Equal(ServiceStatus.Served, served.Status);
        Assert.Equal(ServiceRule.DeliveredToConfirmedAddress, served.Rule);
        var waiting = Start(false).DeliveredToInbox(At, "item-1");
        Assert.Equal(ServiceStatus.InProgress, waiting.Status);
        Assert.Equal(ServiceRule.ReadAtFoundAddress, waiting.WithEvidence(0, ServiceEvidenceKind.Read, At.AddHours(3), "opened").Rule);
        // Not opened in time: the route runs out at the clerk.
        Assert.Equal(ServiceStatus.AwaitingClerk, waiting.Advance(At.AddDays(2), "not opened").Status);
    }

    [Fact]
    public void Evidence_DatedBeforeItsAttempt_TakenAsOfTheAttemptsStart_RecordedAsSuch()
    {
        var sent = ServiceRecord.Start("cs1", "doc1", ServedDocumentKind.FeeNotice, "00", 1, "刘志强", "user-liu",
                [new ServiceStep(ServiceMethod.Sms, "13800000000", true), new ServiceStep(ServiceMethod.Clerk, null, false)], At)
            .Sending(At.AddMinutes(1)).Sent("local-sms", "m1", false, null, At.AddMinutes(1));
        // A provider's clock 16 days behind court time: the notice cannot have arrived before it was sent.
        var served = sent.WithEvidence(0, ServiceEvidenceKind.Delivered, At.AddDays(-16), "Delivered: No error.");
        Assert.Equal(ServiceStatus.Served, served.Status);
        Assert.Equal(At.AddMinutes(1), served.ServedAt);
        Assert.Equal(At.AddMinutes(1), served.Attempts[0].EvidenceAt);
        Assert.Equal("Delivered: No error. (dated 2026-11-10 10:00:00, before the notice was sent: taken as of 2026-11-26 10:01:00)",
            served.Attempts[0].Evidence);
        // The same report again changes nothing; evidence after the start is taken as dated.
        Assert.Same(served, served.WithEvidence(0, ServiceEvidenceKind.Delivered, At.AddDays(-16), "Delivered: No error."));
        Assert.Equal(At.AddMinutes(5), sent.WithEvidence(0, ServiceEvidenceKind.Delivered, At.AddMinutes(5), "Delivered").ServedAt);
    }

    [Fact]
    public void PostalResult_DatedBeforeTheMailing_Refused()
    {
        var mailed = ServiceRecord.Start("cs1", "doc1", ServedDocumentKind.ComplaintCopy, "00", 2, "王建国", null,
            [new ServiceStep(ServiceMethod.Post, "哈尔滨市南岗区红军街1号", false), new ServiceStep(ServiceMethod.PublicNotice, null, false)], At)
            .Mailed(DateTimeOffset.Parse("2026-11-27T12:00:00+08:00"), "mailed");
        var dayBefore = DateTimeOffset.Parse("2026-11-26T12:00:00+08:00");
        var refused = Assert.Throws<DomainRuleException>(() => mailed.CheckPostalResultDate(dayBefore));
        Assert.Equal("postal-result-before-mailing", refused.Rule);
        Assert.Equal("date", refused.Field);
        mailed.CheckPostalResultDate(DateTimeOffset.Parse("2026-11-27T12:00:00+08:00"));
    }

    [Theory]
    [InlineData(ServedDocumentKind.FeeNotice, DocumentKind.FeeNotice, true)]
    [InlineData(ServedDocumentKind.FeeNotice, DocumentKind.Complaint, false)]
    [InlineData(ServedDocumentKind.ComplaintCopy, DocumentKind.Complaint, true)]
    [InlineData(ServedDocumentKind.ComplaintCopy, DocumentKind.FeeNotice, false)]
    [InlineData(ServedDocumentKind.ComplaintCopy, DocumentKind.Evidence, false)]
    [InlineData(ServedDocumentKind.FeeAidDecision, DocumentKind.FeeAidDecision, true)]
    [InlineData(ServedDocumentKind.FeeAidDecision, DocumentKind.FeeNotice, false)]
    [InlineData(ServedDocumentKind.Summons, DocumentKind.Summons, true)]
    [InlineData(ServedDocumentKind.Summons, DocumentKind.Other, false)]
    [InlineData(ServedDocumentKind.HearingCancellation, DocumentKind.HearingCancellation, true)]
    [InlineData(ServedDocumentKind.Judgment, DocumentKind.Complaint, false)]
    [InlineData(ServedDocumentKind.Judgment, DocumentKind.Judgment, true)]
    [InlineData(ServedDocumentKind.Judgment, DocumentKind.Other, false)]
    public void ServedKind_OnlyTheDocumentsOwn(ServedDocumentKind served, DocumentKind document, bool allowed)
    {
        var doc = new CaseDocument("doc1", document, "x.pdf", "application/pdf", 1, "00", "clerk-1", At);
        if (allowed) served.CheckDocument(doc);
        else Assert.Equal("served-kind-must-match-document", Assert.Throws<DomainRuleException>(() => served.CheckDocument(doc)).Rule);
    }

    [Fact]
    public void Filer_ActsForOneSideOnly()
    {
        var plaintiff = OnlineFiler(true);
        var defendant = Party(null);
        Filer.Check([plaintiff, defendant], "user-liu");
        var lawyer = new Representative(RepresentativeKind.Lawyer, "刘志强", "user-liu", "11101201010123456", "某律师事务所", AuthorityScope.General, []);
        Assert.Equal("filer-acts-for-both-sides",
            Assert.Throws<DomainRuleException>(() => Filer.Check([plaintiff, defendant with { Representatives = [lawyer] }], "user-liu")).Rule);
        Assert.Equal("filer-acts-for-both-sides",
            Assert.Throws<DomainRuleException>(() => Filer.Check([plaintiff, defendant with { UserId = "user-liu" }], "user-liu")).Rule);
        // A third party is not the filer's side either: its own account, or acting for it, is refused alike.
        var thirdParty = defendant with { PartyNumber = 3, Role = PartyRole.ThirdParty, Name = "赵敏" };
        Assert.Equal("filer-acts-for-both-sides",
            Assert.Throws<DomainRuleException>(() => Filer.Check([plaintiff, defendant, thirdParty with { UserId = "user-liu" }],
                "user-liu")).Rule);
        Assert.Equal("filer-acts-for-both-sides",
            Assert.Throws<DomainRuleException>(() => Filer.Check([plaintiff, defendant, thirdParty with { Representatives = [lawyer] }],
                "user-liu")).Rule);
        // A complaint is filed by the plaintiff or its representative, not by the defendant's.
        Assert.Equal("filer-not-a-party",
            Assert.Throws<DomainRuleException>(() => Filer.Check([plaintiff with { UserId = null }, defendant with { UserId = "user-liu" }], "user-liu")).Rule);
    }

    [Theory]
    [InlineData(ServiceMethod.Inbox, true, ServiceEvidenceKind.Delivered, ServiceRule.DeliveredToConfirmedAddress)]
    [InlineData(ServiceMethod.Inbox, false, ServiceEvidenceKind.Delivered, null)]
    [InlineData(ServiceMethod.Inbox, false, ServiceEvidenceKind.Read, ServiceRule.ReadAtFoundAddress)]
    [InlineData(ServiceMethod.Sms, true, ServiceEvidenceKind.Delivered, ServiceRule.DeliveredToConfirmedAddress)]
    [InlineData(ServiceMethod.Email, true, ServiceEvidenceKind.Delivered, ServiceRule.DeliveredToConfirmedAddress)]
    [InlineData(ServiceMethod.Sms, false, ServiceEvidenceKind.Delivered, null)]
    [InlineData(ServiceMethod.Sms, false, ServiceEvidenceKind.Read, ServiceRule.ReadAtFoundAddress)]
    [InlineData(ServiceMethod.Email, true, ServiceEvidenceKind.Read, ServiceRule.ReadAtFoundAddress)]
    [InlineData(ServiceMethod.Email, true, ServiceEvidenceKind.Failed, null)]
    [InlineData(ServiceMethod.Post, true, ServiceEvidenceKind.Returned, ServiceRule.PostReturnedFromConfirmedAddress)]
    [InlineData(ServiceMethod.Post, false, ServiceEvidenceKind.Returned, null)]
    [InlineData(ServiceMethod.Post, false, ServiceEvidenceKind.Received, ServiceRule.PostReceived)]
    public void DeemedServed_ByTheAddresssRule(ServiceMethod method, bool confirmed, ServiceEvidenceKind evidence, ServiceRule? rule)
    {
        Assert.Equal(rule, DeemedService.RuleFor(new ServiceStep(method, "x", confirmed), evidence));
    }

    [Fact]
    public void PublicNotice_OnlyOrdinaryProcedure_OnlyAfterOtherMeans_WithReasons()
    {
        Assert.Equal("public-notice-needs-ordinary-procedure", PublicNotice.Refusal(Procedure.Simplified, true, "下落不明")?.Rule);
        Assert.Equal("public-notice-needs-ordinary-procedure", PublicNotice.Refusal(Procedure.SmallClaims, true, "下落不明")?.Rule);
        Assert.Equal("public-notice-other-means-not-exhausted", PublicNotice.Refusal(Procedure.Ordinary, false, "下落不明")?.Rule);
        Assert.Equal("public-notice-needs-reasons", PublicNotice.Refusal(Procedure.Ordinary, true, " ")?.Rule);
        Assert.Null(PublicNotice.Refusal(Procedure.Ordinary, true, "受送达人下落不明，邮寄送达被退回"));
    }

    [Fact]
    public void PublicNotice_DeemedServed_ThirtyDaysAfterTheLastPosting()
    {
        var deadlines = new DeadlineCalculator(new CourtCalendar(PublishedCalendars.All));
        // Posted Thu 2026-11-26: day 30 is Sat 2026-12-26, so the period ends on Mon 2026-12-28 (CPL art. 85).
        Assert.Equal(new DateOnly(2026, 12, 28), PublicNotice.DeemedServed(deadlines, new DateOnly(2026, 11, 26)).LastDay);
        // Posted Tue 2026-12-01: day 30 is Thu 2026-12-31, a working day.
        Assert.Equal(new DateOnly(2026, 12, 31), PublicNotice.DeemedServed(deadlines, new DateOnly(2026, 12, 1)).LastDay);
    }

    [Theory]
    // UCS-2: 70 characters in one part, 67 a part beyond that.
    [InlineData(70, '法', true, 1)]
    [InlineData(71, '法', true, 2)]
    [InlineData(134, '法', true, 2)]
    [InlineData(135, '法', true, 3)]
    // GSM 7-bit: 160 in one part, 153 a part beyond that.
    [InlineData(160, 'a', false, 1)]
    [InlineData(161, 'a', false, 2)]
    [InlineData(306, 'a', false, 2)]
    [InlineData(307, 'a', false, 3)]
    // An extension-table character counts twice: 80 euro signs fill one part.
    [InlineData(80, '€', false, 1)]
    [InlineData(81, '€', false, 2)]
    public void SmsParts(int length, char c, bool unicode, int parts)
    {
        var count = SmsLength.Of(new string(c, length));
        Assert.Equal(unicode, count.Unicode);
        Assert.Equal(parts, count.Parts);
    }

    [Fact]
    public void SmsParts_OneChineseCharacterMakesTheWholeTextUcs2()
    {
        Assert.Equal(new SmsLength.Count(true, 71, 2), SmsLength.Of(new string('a', 70) + "法"));
    }

    [Fact]
    public void Notices_EveryKind_EveryPlaceholderFilled_SmsInAtMostThreeParts_NoContent()
    {
        var values = new NoticeValues("黑龙江省哈尔滨市中级人民法院", "（2026）黑01民初123号", "王建国",
            "https://ecourt.example.cn/inbox/open?t=4f9c2a0d5e7b41c3a8d6e2f1b0c9d8e7.1796198400.Kq3vYxW1n0pZs8tR5uLm2cA7bE4dF6gH9iJ0kL1mN2o", At.AddDays(30));
        foreach (var kind in ServiceNoticeTemplates.Kinds)
        {
            var notice = ServiceNoticeTemplates.Render(kind, values);
            foreach (var text in new[] { notice.Sms, notice.EmailSubject, notice.EmailText })
            {
                Assert.DoesNotContain("{", text);
                Assert.DoesNotContain("}", text);
            }
            Assert.Contains(values.Link, notice.Sms);
            Assert.Contains(values.CaseNumber, notice.EmailSubject);
            Assert.Contains("2026年12月26日10:00", notice.EmailText);
            var parts = SmsLength.Of(notice.Sms);
            Assert.True(parts.Unicode);
            Assert.InRange(parts.Parts, 1, 3);
        }
    }

    [Fact]
    public void LinkToken_Valid_ThenExpired_TamperedRefused()
    {
        var key = "court-link-key-for-tests-only-32b"u8.ToArray();
        var token = DocumentLinkToken.Issue(key, "in0123abcd", At.AddDays(30));
        Assert.Equal((DocumentLinkToken.Check.Valid, "in0123abcd"), DocumentLinkToken.Verify(key, token, At));
        Assert.Equal(DocumentLinkToken.Check.Expired, DocumentLinkToken.Verify(key, token, At.AddDays(30)).Result);
        Assert.Equal(DocumentLinkToken.Check.Tampered, DocumentLinkToken.Verify(key, token.Replace("in0123abcd", "in0123abce"), At).Result);
        var parts = token.Split('.');
        Assert.Equal(DocumentLinkToken.Check.Tampered, DocumentLinkToken.Verify(key, $"{parts[0]}.{long.Parse(parts[1]) + 86400}.{parts[2]}", At).Result);
        Assert.Equal(DocumentLinkToken.Check.Tampered, DocumentLinkToken.Verify("another-key"u8.ToArray(), token, At).Result);
        Assert.Equal(DocumentLinkToken.Check.Tampered, DocumentLinkToken.Verify(key, "nonsense", At).Result);
        Assert.Equal(DocumentLinkToken.Check.Tampered, DocumentLinkToken.Verify(key, null, At).Result);
    }

    [Fact]
    public void Certificate_CanonicalBytes_UtcAndDeclarationOrder_RoundTrip()
    {
        var certificate = new ServiceCertificate("sc01", "黑01", "cs0123456789abcdef01234567", "（2026）黑01民初123号", "doc1", ServedDocumentKind.ComplaintCopy,
            "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", 2, "王建国", ServiceMethod.Sms, "+8613800138000", true,
            DateTimeOffset.Parse("2026-11-26T10:00:00+08:00"), DateTimeOffset.Parse("2026-11-26T10:00:05+08:00"), null,
            DateTimeOffset.Parse("2026-11-26T10:00:05+08:00"), ServiceRule.DeliveredToConfirmedAddress, "Outgoing_20261126_0", "Delivered", DateTimeOffset.Parse("2026-11-26T10:00:06+08:00"));
        var json = System.Text.Encoding.UTF8.GetString(certificate.CanonicalBytes());
        Assert.StartsWith("{\"certificateId\":\"sc01\",\"court\":\"\\u9ED101\",", json);
        Assert.Contains("\"sentAt\":\"2026-11-26T02:00:00+00:00\"", json);
        Assert.Contains("\"readAt\":null", json);
        Assert.Contains("\"rule\":\"DeliveredToConfirmedAddress\"", json);
        Assert.Equal(certificate.CanonicalBytes(), ServiceCertificate.FromCanonical(certificate.CanonicalBytes())!.CanonicalBytes());
        Assert.NotEqual(certificate.CanonicalBytes(), (certificate with { DocumentSha256 = new string('0', 64) }).CanonicalBytes());
    }
}
