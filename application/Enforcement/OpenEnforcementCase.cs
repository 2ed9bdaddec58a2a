using ECourt.Application.Cases;
using ECourt.Application.Messaging;
using ECourt.Application.Numbering;
using ECourt.Application.Payments;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Courts;
using ECourt.Domain.Enforcement;
using ECourt.Domain.Fees;
using ECourt.Domain.Numbering;
using ECourt.Domain.Payments;
using Microsoft.Extensions.Options;

namespace ECourt.Application.Enforcement;

/// <summary>
/// Opens the enforcement case of each application recorded on an original case and not yet opened: its number (claimed per case
/// id), its account (an index row, upserted), its participants' case lists, the case itself (created once under its derived id),
/// then the link back on the original case; its lifecycle is started (the officer is assigned, the notice served). Every
/// step can be repeated, so the request and the original case's lifecycle (which keeps an unopened application) may both run it.
/// </summary>
public sealed class OpenEnforcementCase(ICaseStore store, CaseChanges changes, ICaseNumberRegistry numbers, IAccountIndex accounts,
    CourtDirectory courts, IUserCases userCases, IDurableMessaging messaging, DeadlineCalculator deadlines,
    IOptions<EnforcementOptions> options, TimeProvider clock) : IDeadlineHandler
{
    public IReadOnlyList<string> Kinds => [EnforcementStage.Opening];

    public async Task KeepAsync(string caseId, string kind, CancellationToken ct) =>
        await RunAsync(await store.GetAsync(caseId, ct) ?? throw new CaseNotFoundException(caseId), ct);

    public async Task RunAsync(StoredCase stored, CancellationToken ct)
    {
        var original = stored.Case;
        foreach (var application in original.EnforcementApplications?.Items.Where(a => a.OpenedAt is null) ?? [])
        {
            var opened = await store.GetAsync(application.EnforcementCaseId, ct) ?? await CreateAsync(original, application, ct);
            stored = await changes.ApplyAsync(original.CaseId, x => CaseChange.Of(EnforcementOpening.Opened(x,
                application.EnforcementCaseId,
                opened.Case.CaseNumber!, clock.GetUtcNow())), ct);
            // The new case's lifecycle starts (a start of one that runs already starts nothing): it assigns the officer and serves
            // the notice.
            await messaging.SendAsync(new StartCaseLifecycle(opened.Case.CaseId), ct);
        }
    }

    private async Task<StoredCase> CreateAsync(CourtCase original, EnforcementApplication application, CancellationToken ct)
    {
        var id = application.EnforcementCaseId;
        var court = courts.Get(original.Court);
        var terms = EnforcementOpening.TermsOf(original, application.CreditorParty, application.AppliedAt, deadlines);
        var number = await numbers.AllocateAsync(court.Code, ChinaTime.DateOf(application.AppliedAt).Year, CaseTypeCode.Enforcement, id,
            ct);
        var account = VirtualAccountNumber.Issue(court.SettlementAccountPrefix, number.Year,
            VirtualAccountNumber.SeriesCode(CaseTypeCode.Enforcement), number.Sequence);
        await accounts.AddAccountAsync(account, id, ct);
        var fee = new FeeSchedule(court.FeeFigures).Quote(FeeCaseType.Enforcement, terms.Amount, Procedure.Ordinary);
        var (created, opened) = EnforcementOpening.Open(original, application, terms, number, account, fee, clock.GetUtcNow(), deadlines,
            options.Value.SupervisionWorkingDays);
        // Each participant's list first: a create that then fails leaves a row that points at no case, which lists skip.
        foreach (var userId in created.ParticipantUserIds())
            await userCases.AddUserCaseAsync(userId, id, created.CreatedAt, ct);
        return await changes.CreateAsync(created, [opened], ct)
            ?? await store.GetAsync(id, ct) ?? throw new InvalidOperationException($"Enforcement case {id} exists and cannot be read.");
    }

    /// <summary>The enforcement case as stored (after it was opened).</summary>
    public async Task<StoredCase> EnforcementCaseAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new CaseNotFoundException(id);
}
