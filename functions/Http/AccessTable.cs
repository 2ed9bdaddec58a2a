using ECourt.Application.Access;
using ECourt.Domain.Access;
using static ECourt.Domain.Access.CaseRelation;

namespace ECourt.Functions.Http;

/// <summary>
/// Who may call each route, in one table a reader can check (by the function's name, as in functions.metadata). A route
/// on a case grants by the caller's relationships to the case (<see cref="CaseRelation"/>) and the roles it is signed in
/// as; anyone else who knows the case gets 403, a caller who does not (or may not) gets 404, an anonymous one 401, all
/// before the body, the case's state or any rule is looked at. A route on the caller's own things grants by roles. The
/// table also says which parts of the case view each relationship sees; which documents it sees and whose contact data
/// are rules of the domain (<see cref="DocumentVisibility"/>, <see cref="PartyDetails"/>). A contract test calls every
/// route as every relationship and compares the answer with this table.
/// </summary>
public static class AccessTable
{
    private static readonly string[] PartyRoles = [Roles.Party, Roles.Lawyer];

    private static readonly string[] CaseStaffRoles = [.. Roles.CaseStaff];

    /// <summary>The plaintiffs' side: filing acts are theirs alone.</summary>
    private static Grant[] FilingSide => [Grant(Filer, PartyRoles), Grant(OwnSide, PartyRoles), Grant(OwnRepresentative, PartyRoles)];

    private static Grant[] AnyParty => [.. FilingSide, Grant(OtherSide, PartyRoles), Grant(OtherRepresentative, PartyRoles)];

    /// <summary>
    /// Who works on the case for the court: before assignment the court's case staff, after it the assigned judge and clerk (an
    /// enforcement case's officer), the head of the case's division and the president (<see cref="CaseRelations.CaseTeam"/>).
    /// </summary>
    private static Grant[] CaseTeam => [Grant(CourtStaff, CaseStaffRoles), Grant(AssignedJudge, Roles.Judge), Grant(AssignedClerk,
        Roles.Clerk), Grant(AssignedOfficer, Roles.EnforcementOfficer),
        Grant(CaseRelation.DivisionHead, Roles.DivisionHead), Grant(CaseRelation.President, Roles.President)];

    /// <summary>A judge's act: any judge of the court before assignment (fee aid, an unpaid case), the assigned judge after.</summary>
    private static Grant[] Judges => [Grant(CourtStaff, Roles.Judge), Grant(AssignedJudge, Roles.Judge)];

    /// <summary>An enforcement officer's act: any officer of the court before assignment, the assigned officer after.</summary>
    private static Grant[] Officers => [Grant(CourtStaff, Roles.EnforcementOfficer), Grant(AssignedOfficer, Roles.EnforcementOfficer)];

    /// <summary>The enforcement case's staff: its officer, the head of its division and the president.</summary>
    private static Grant[] EnforcementStaff => [.. Officers, Grant(CaseRelation.DivisionHead, Roles.DivisionHead),
        Grant(CaseRelation.President, Roles.President)];

    /// <summary>A clerk's act: any clerk of the court before assignment, the assigned clerk after.</summary>
    private static Grant[] Clerks => [Grant(CourtStaff, Roles.Clerk), Grant(AssignedClerk, Roles.Clerk)];

    /// <summary>Service tasks and party checks: the case's clerks, and the filing division's clerks who serve for every division.</summary>
    private static Grant[] ServiceClerks => [.. Clerks, Grant(FilingClerk, Roles.Clerk)];

    private static Grant Grant(CaseRelation relation, params string[] roles) => new(relation, roles.ToHashSet(StringComparer.Ordinal));

    private static RouteAccess Public(string function) => new(function, RouteScope.Public, [], new HashSet<string>());

    private static RouteAccess Webhook(string function) => new(function, RouteScope.Webhook, [], new HashSet<string>());

    private static RouteAccess SignedIn(string function, params string[] roles) =>
        new(function, RouteScope.SignedIn, [], roles.ToHashSet(StringComparer.Ordinal));

    private static RouteAccess OnCase(string function, params Grant[] grants) => new(function, RouteScope.Case, grants,
        new HashSet<string>());

    /// <summary>A route on a judgment: its case found from the judgment's id, then granted as a route on the case.</summary>
    private static RouteAccess CaseOfJudgment(string function, params Grant[] grants) => new(function, RouteScope.CaseOf, grants,
        new HashSet<string>());

    private static RouteAccess OnCaseFile(string function, params Grant[] grants) => OnCase(function, grants) with { LoadsFile = true };

    public static IReadOnlyList<RouteAccess> All { get; } =
    [
        // Anyone: the fee schedule, the calendar, the API's own description, checking a certificate.
        Public("FeeQuote"),
        Public("CalendarDeadline"),
        Public("GetCalendar"),
        Public("OpenApiDocument"),
        Public("ApiReference"),
        Public("ApiReferenceScript"),
        Public("VerifyServiceCertificate"),
        // A browser asks before it calls from a portal's origin: the answer depends on the origin alone (CorsPolicy).
        Public(CorsPreflight.Function),
        // Event Grid, with its own token or the webhook key.
        Webhook("CommunicationEvents"),

        // The caller's own: its cases, its inbox; a filing it creates (as a plaintiff or for one: the domain checks which).
        SignedIn("ListCases"),
        SignedIn("CreateFiling", PartyRoles),
        SignedIn("ListInbox"),
        // Any party's or lawyer's account presents a link code: a code that matches nothing is answered alike for every case.
        SignedIn("LinkPartyAccount", PartyRoles),
        SignedIn("OpenInboxItem"),
        SignedIn("OpenInboxLink"),
        // The court's queues and books, each for its staff (the use case reads the caller's own court).
        SignedIn("ReviewQueue", Roles.Clerk),
        SignedIn("ListSuspense", Roles.Finance),
        SignedIn("ClaimSuspense", Roles.Finance),
        SignedIn("ReleaseSuspense", Roles.Finance),
        SignedIn("GetReconciliation", Roles.Finance),
        SignedIn("RerunReconciliation", Roles.Finance),
        SignedIn("ListLifecycleProblems", Roles.Admin),
        SignedIn("PublishCalendar", Roles.Admin),
        SignedIn("ListStaff", Roles.Admin),
        SignedIn("RegisterStaff", Roles.Admin),
        // A judgment's anonymisation previewed: the clerks who prepare publication and the judges who write judgments.
        SignedIn("PreviewRedaction", Roles.Clerk, Roles.Judge),

        // A case: read by its parties (the other side from registration on) and its team at the court.
        OnCaseFile("GetCase", [.. AnyParty, .. CaseTeam]),
        OnCase("ListService", [.. AnyParty, .. CaseTeam, Grant(FilingClerk, Roles.Clerk)]),
        OnCaseFile("DownloadDocument", [.. AnyParty, .. CaseTeam]),
        OnCaseFile("CaseFile", [.. AnyParty, .. CaseTeam]),
        // Who read the file: the case's team only.
        OnCase("CaseAccessLog", CaseTeam),
        new RouteAccess("GetServiceCertificate", RouteScope.CaseOf, [.. AnyParty, .. CaseTeam, Grant(FilingClerk, Roles.Clerk)],
            new HashSet<string>()),
        OnCase("UploadDocument", [.. AnyParty, .. CaseTeam]),
        // The plaintiff's account and fee: its own side, the case's team and finance of the court.
        OnCaseFile("GetLedger", [.. FilingSide, .. CaseTeam, Grant(Finance, Roles.Finance)]),
        // Filing acts: the filer, the plaintiffs and their own representatives.
        OnCase("SubmitFiling", FilingSide),
        OnCase("SubmitCorrections", FilingSide),
        OnCase("ApplyForFeeAid", FilingSide),
        // The court's acts, each by its role.
        OnCase("ReviewFiling", Clerks),
        OnCase("DecideFeeAid", Judges),
        OnCase("WithdrawalRuling", Judges),
        OnCase("ConvertProcedure", Judges),
        OnCaseFile("ServeDocument", [.. ServiceClerks, .. Judges]),
        OnCase("RecordPostalResult", ServiceClerks),
        OnCase("OrderPublicNotice", Judges),
        OnCase("RestartLifecycle", Grant(CourtAdmin, Roles.Admin)),
        // Parties' accounts and consent: the clerk's checks.
        OnCase("RecordIdentityCheck", ServiceClerks),
        OnCase("IssueLinkCode", ServiceClerks),
        OnCase("AcceptRepresentative", ServiceClerks),
        OnCase("ConfirmContractConsent", ServiceClerks),
        // Assignment by hand: the head of the case's division or the president (a waiting case has no division head yet:
        // any division head of the court passes here, and the use case holds them to the division that hears it).
        OnCase("AssignCase", Grant(CourtStaff, Roles.DivisionHead, Roles.President), Grant(CaseRelation.DivisionHead, Roles.DivisionHead),
            Grant(CaseRelation.President, Roles.President)),

        // Consent to online proceedings: each party's own (the use case holds the caller to the parties it acts for).
        OnCase("ChooseOnlineProceedings", AnyParty),
        // The answer and an objection to jurisdiction: the other side's (the domain holds them to its defendants).
        OnCase("FileAnswer", Grant(OtherSide, PartyRoles), Grant(OtherRepresentative, PartyRoles)),
        OnCase("ObjectToJurisdiction", Grant(OtherSide, PartyRoles), Grant(OtherRepresentative, PartyRoles)),

        // Evidence: the parties and their lawyers submit, read, cross-examine and apply to extend; the judge sets the period, orders the
        // exchange, rules on late evidence and decides extensions (any judge of the court before assignment, the assigned judge after).
        // Which items a party sees is the stage's rule (the other side's once exchanged).
        OnCase("SetEvidencePeriod", Judges),
        OnCase("SubmitEvidence", AnyParty),
        OnCase("ListEvidence", [.. AnyParty, .. CaseTeam]),
        OnCase("FileCrossExaminationOpinion", AnyParty),
        OnCase("OrderEvidenceExchange", Judges),
        OnCase("RuleOnLateEvidence", Judges),
        OnCase("VerifyEvidence", [.. AnyParty, .. CaseTeam]),
        OnCase("DownloadEvidenceBundle", [.. AnyParty, .. CaseTeam]),
        // Extensions: the parties ask for more time to prove, the judge decides; the judge asks for more time to try the case, the
        // president decides (the use case holds each to its kind).
        OnCase("ApplyForExtension", [.. AnyParty, .. Judges]),
        OnCase("DecideExtension", [.. Judges, Grant(CaseRelation.President, Roles.President)]),
        // Hearings: the case's judge or clerk schedules and records a hearing; its judge postpones or cancels one (any judge or clerk of
        // the court before assignment, the assigned ones after).
        OnCase("ScheduleHearing", [.. Judges, .. Clerks]),
        OnCase("PostponeHearing", Judges),
        OnCase("CancelHearing", Judges),
        OnCase("RecordHearing", [.. Judges, .. Clerks]),
        // A summoned party or its lawyer: its own link to an online hearing.
        OnCase("JoinHearing", AnyParty),
        // Anyone: the public hearing calendar (no party's name on it).
        Public("HearingCalendar"),

        // Judgments: the case's judge issues it (any judge of the court before assignment, the assigned judge after); a party or its
        // lawyer appeals (the use case holds the caller to the parties it acts for).
        OnCase("IssueJudgment", Judges),
        OnCase("FileAppeal", AnyParty),
        // Publication, on routes named by the judgment (its case found from the id): the case's team reads the draft, its clerk prepares
        // it, the head of its division or the president approves it, its judge withdraws it once published; anyone searches and reads
        // what is published.
        CaseOfJudgment("GetPublication", CaseTeam),
        CaseOfJudgment("PreparePublication", Clerks),
        CaseOfJudgment("ApprovePublication", Grant(CaseRelation.DivisionHead, Roles.DivisionHead), Grant(CaseRelation.President,
            Roles.President)),
        CaseOfJudgment("WithdrawPublication", Judges),
        Public("SearchJudgments"),
        Public("ReadPublishedJudgment"),

        // Enforcement: a creditor (or its lawyer) applies on the original case (the use case holds the caller to the parties it acts
        // for); on the enforcement case its officer takes the measures, its staff read the inquiries, and the head of its division or
        // the president decides payouts (the use case holds each step to its role).
        OnCase("ApplyForEnforcement", AnyParty),
        OnCase("StartAssetInquiry", Officers),
        OnCase("ListInquiries", EnforcementStaff),
        OnCase("RequestFreeze", Officers),
        OnCase("RequestDeduction", Officers),
        OnCase("ProposePayout", Officers),
        OnCase("DecidePayout", Grant(CaseRelation.DivisionHead, Roles.DivisionHead), Grant(CaseRelation.President, Roles.President)),
        // The dishonest list: the officer lists and removes, the president signs the consumption restriction, anyone searches.
        OnCase("ListDishonestDebtor", Officers),
        OnCase("RemoveDishonestDebtor", Officers),
        OnCase("SignConsumptionRestriction", Grant(CaseRelation.President, Roles.President)),
        Public("SearchDishonestDebtors"),
        // The case's decisions: the officer's (direct performance, closing for now, reopening), the president's extension of the limit,
        // the head of its division's (or the president's) deferral of the payout deadline.
        OnCase("RecordDirectPerformance", Officers),
        OnCase("CloseForNow", Officers),
        OnCase("ReopenEnforcement", Officers),
        OnCase("ExtendEnforcementLimit", Grant(CaseRelation.President, Roles.President)),
        OnCase("DeferPayout", Grant(CaseRelation.DivisionHead, Roles.DivisionHead), Grant(CaseRelation.President, Roles.President)),
        // The command centre of the caller's own court: its enforcement staff (the use case lists one by one only the cases the caller
        // may see).
        SignedIn("EnforcementOverview", Roles.EnforcementOfficer, Roles.DivisionHead, Roles.President),
    ];

    private static readonly Dictionary<string, RouteAccess> ByFunction = All.ToDictionary(r => r.Function, StringComparer.Ordinal);

    public static RouteAccess For(string function) =>
        ByFunction.TryGetValue(function, out var row) ? row
            : throw new InvalidOperationException($"The access table has no row for {function}.");

    private static readonly IReadOnlySet<CaseRelation> Parties = CaseRelations.AnyParty.Concat(CaseRelations.CaseTeam).ToHashSet();

    private static readonly IReadOnlySet<CaseRelation> FilingSideAndStaff = CaseRelations.FilingSide.Concat(CaseRelations.CaseTeam)
        .ToHashSet();

    /// <summary>
    /// Which relationships see each part of the case view (beyond the core, whose parties show contact data by
    /// <see cref="PartyDetails"/> and whose documents by <see cref="DocumentVisibility"/>): the filing review, the fee notice
    /// and a fee-aid application (a party's means) are the filing side's and the court's. The reasons of the events that tell
    /// what a part holds go with it (each stage names its own: <see cref="Cases.EventOfPart"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<CaseRelation>> ViewParts { get; } = new Dictionary<string,
        IReadOnlySet<CaseRelation>>
    {
        ["documents"] = Parties,
        ["review"] = FilingSideAndStaff,
        ["feeNotice"] = FilingSideAndStaff,
        ["feeAid"] = FilingSideAndStaff,
        ["deadlineFlags"] = Parties,
        ["lifecycle"] = Parties,
        ["assignment"] = CaseRelations.CaseTeam,
        ["trialLimit"] = CaseRelations.CaseTeam,
        ["answer"] = Parties,
        ["onlineConsent"] = Parties,
        ["evidence"] = Parties,
        ["judgment"] = Parties,
        ["publication"] = CaseRelations.CaseTeam,
        ["enforcement"] = Parties,
        ["enforcementApplications"] = Parties,
    };
}
