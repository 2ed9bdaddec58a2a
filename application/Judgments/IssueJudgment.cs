using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Messaging;
using ECourt.Domain;
using ECourt.Domain.Access;
using ECourt.Domain.Documents;
using ECourt.Domain.Judgments;

namespace ECourt.Application.Judgments;

/// <summary>
/// The case's judge issues the judgment (or a ruling or mediation statement that ends the case): the signed document uploaded first,
/// its text as drafted or read from the PDF (a PDF that cannot be read is issued all the same: its text goes to the clerk before
/// publication), the orders and the costs allocation. It is then served on every party (at once; should that fail, the lifecycle
/// keeps the judgment's pending service and serves it).
/// </summary>
public sealed class IssueJudgment(CaseChanges changes, IDocumentStore documents, JudgmentText texts, IJudgmentTextReader reader,
    ServeJudgment serve, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, IssueJudgmentRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var kind = v.Enum<JudgmentKind>(r.Kind, "kind");
        RulingGround? ground = r.Ground is null ? null : v.Enum<RulingGround>(r.Ground, "ground");
        var orders = r.Orders!.Select((o, i) => new JudgmentOrder(o!.Debtor!.Value, o.Creditor!.Value,
            v.Amount(o.Amount, $"orders[{i}].amount", required: false), o.PerformWithinDays, o.Text!)).ToList();
        var costs = r.Costs!.Select((s, i) => new CostShare(s!.PartyNumber!.Value, v.Amount(s.Amount, $"costs[{i}].amount", true) ?? 0m))
            .ToList();
        v.ThrowIfAny();
        var judge = CaseAccess.ActorFor(grant.Caller, Roles.Judge);
        var judgmentId = JudgmentIds.For(grant.CaseId);
        var (text, source, failure) = await TextOfAsync(grant, r, ct);
        var draft = new JudgmentDraft(judgmentId, kind!.Value, ground, r.DocumentId!, orders, costs, source, failure);
        // The rules first, on the case as read, so a refused judgment writes nothing; then the text, then the record.
        Domain.Judgments.JudgmentRules.Issue(grant.Case, judge, clock.GetUtcNow(), draft);
        if (text is not null) await texts.PutAsync(grant.CaseId, judgmentId, text, ct);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(JudgmentRules.Issue(c, judge, clock.GetUtcNow(), draft)), ct,
            grant.Stored);
        var latest = saved;
        try
        {
            latest = await serve.RunAsync(saved, ct);
            return latest;
        }
        finally
        {
            await signals.CaseChangedAsync(latest.Case, JudgmentActions.IssueJudgment.Name, ct);
        }
    }

    private async Task<(string? Text, JudgmentTextSource Source, string? Failure)> TextOfAsync(CaseGrant grant, IssueJudgmentRequest r,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(r.Text)) return (r.Text, JudgmentTextSource.Drafted, null);
        var listed = grant.Case.FiledDocuments.FirstOrDefault(d => d.DocumentId == r.DocumentId);
        if (listed is not { Kind: DocumentKind.Judgment }) return (null, JudgmentTextSource.Unreadable, null);   // refused by the rules
        var bytes = await documents.GetAsync(grant.CaseId, r.DocumentId!, ct);
        if (bytes is null || DocumentFormat.Detect(bytes) != "application/pdf")
            return (null, JudgmentTextSource.Unreadable, "not-pdf");
        using var pdf = new MemoryStream(bytes, writable: false);
        var reading = await reader.ReadAsync(pdf, ct);
        return reading.Failure is { } f || string.IsNullOrWhiteSpace(reading.Text)
            ? (null, JudgmentTextSource.Unreadable, (reading.Failure ?? TextReadingFailure.NoTextLayer).WireName())
            : (reading.Text, JudgmentTextSource.Extracted, null);
    }
}

/// <summary>A party, or one who acts for it, appeals within the party's own period; the case becomes appealed.</summary>
public sealed class FileAppeal(CaseChanges changes, CaseSignals signals, TimeProvider clock)
{
    public async Task<StoredCase> RunAsync(CaseGrant grant, AppealRequest r, CancellationToken ct)
    {
        var partyNumber = r.PartyNumber!.Value;
        if (!grant.Parties.Contains(partyNumber))
            throw new ForbiddenException("A party appeals for itself: only the party or one who acts for it.");
        var actor = CaseAccess.PartyActor(grant.Caller);
        var saved = await changes.ApplyAsync(grant.CaseId, c => CaseChange.Of(JudgmentRules.FileAppeal(c, actor, clock.GetUtcNow(),
            partyNumber, r.Grounds!)), ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, JudgmentActions.FileAppeal.Name, ct);
        return saved;
    }
}
