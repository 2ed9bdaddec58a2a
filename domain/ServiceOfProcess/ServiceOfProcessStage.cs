using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// Service of process: the fee notice and the complaint copy served at registration, each by its own workflow. Its
/// deadlines: the complaint copy's 5-day dispatch (the lifecycle starts service at once; each complaint copy's workflow
/// then keeps the deadline itself), the defendant's 15 days to answer (shown; the answer stage reads it), and,
/// once the fee is settled and every defendant served, the move to the answer and evidence stage.
/// </summary>
public sealed class ServiceOfProcessStage : ICaseModule
{
    public const string DispatchDeadline = "complaint-dispatch";
    public const string AnswerDeadline = "answer";
    public const string EvidenceExchange = "evidence-exchange";

    public string Name => "ServiceOfProcess";

    public IEnumerable<CaseAction> Actions => ServiceOfProcessActions.All;

    public IEnumerable<CasePart> Parts => [ServiceOfProcessParts.Summary];

    public IEnumerable<string> KeptDeadlineKinds => [DispatchDeadline, EvidenceExchange];

    /// <summary>The dispatch deadline while a complaint copy is to be sent, and the answer deadline.</summary>
    public CourtCase Recompute(CourtCase c, DeadlineReckoning reckoning)
    {
        if (c.ServiceOfProcess is not { } process) return c;
        var dispatch = ComplaintService.AllServed(c) ? process.DispatchDeadline : reckoning.Again(DispatchDeadline,
            process.DispatchDeadline);
        var answer = process.AnswerDeadline is { } a ? reckoning.Again(AnswerDeadline, a) : null;
        return c.With(process with { DispatchDeadline = dispatch, AnswerDeadline = answer });
    }

    public IEnumerable<PendingDeadline> Pending(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        const string dispatchBasis = "CPL art. 128: the complaint copy is sent to the defendant within 5 days of registration";
        var process = c.ServiceOfProcess;
        // A case filed by complaint and registered: service starts at once (an enforcement case has no complaint to serve).
        if (process is null && c.RegisteredAt is { } registeredAt && Numbering.CaseTypeCode.IsFileable(c.CaseType))
            yield return PendingDeadline.Kept(DispatchDeadline, new ComplaintService(deadlines).DispatchDeadline(registeredAt),
                dispatchBasis, keepAt: registeredAt);
        if (process is null) yield break;
        if (!ComplaintService.AllServed(c) && process.DispatchOverdueFlaggedAt is null && process.DispatchDeadline.EndsAt > now)
            yield return PendingDeadline.Shown(DispatchDeadline, process.DispatchDeadline, dispatchBasis);
        if (process.AnswerDeadline is { } answer && answer.EndsAt > now)
            yield return PendingDeadline.Shown(AnswerDeadline, answer,
                "CPL art. 128: the defendant answers within 15 days of receiving the complaint copy");
        if (c.Status == CaseStatus.Accepted && ComplaintService.AllServed(c) && process.AnswerDeadline is not null)
        {
            var served = process.ComplaintServed.Max(s => s.ServedAt);
            yield return new PendingDeadline(EvidenceExchange, ChinaTime.DateOf(served), served, false,
                "CPL art. 128: fee settled and the complaint copy served on every defendant: the answer and evidence stage begins", served);
        }
    }
}
