using ECourt.Application.Access;
using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Application.Messaging;
using ECourt.Domain.Access;
using ECourt.Domain.Answer;

namespace ECourt.Application.Answer;

/// <summary>
/// A defendant or its lawyer files the answer from documents its side uploaded with the kind answer (CPL art. 128): recorded for the
/// judge, marked late after the answer period, and its documents reach every party (<see cref="AnswerCopies"/>).
/// </summary>
public sealed class FileAnswer(CaseChanges changes, ICaseStore store, CaseSignals signals, TimeProvider clock)
{
    public async Task<IReadOnlyList<AnswerFiled>> RunAsync(CaseGrant grant, AnswerRequest r, CancellationToken ct)
    {
        var v = new Validation();
        var ids = r.DocumentIds ?? [];
        SideDocuments.CheckIds(ids, v, "documentIds", "uploaded first with the kind answer.");
        v.ThrowIfAny();
        if (grant.Side is not { } side || side == CaseSide.Court)
            throw new ForbiddenException("A defendant or its lawyer files the answer.");
        var documents = await SideDocuments.ReadAsync(store, grant, side, ids, v, "documentIds", "upload it first with the kind answer.",
            ct);
        var actor = CaseAccess.PartyActor(grant.Caller);
        var parties = grant.Parties.Order().ToList();
        IReadOnlyList<AnswerFiled> filed = [];
        var saved = await changes.ApplyAsync(grant.CaseId, c =>
        {
            var (answered, e, made) = DefendantAnswer.File(c, actor, parties, clock.GetUtcNow(), documents);
            filed = made;
            return CaseChange.Of(answered, [e]);
        }, ct, grant.Stored);
        await signals.CaseChangedAsync(saved.Case, AnswerActions.FileAnswer.Name, ct);
        return filed;
    }
}
