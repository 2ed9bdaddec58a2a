using ECourt.Application.Cases;
using ECourt.Application.Documents;
using ECourt.Domain.Answer;

namespace ECourt.Application.Answer;

/// <summary>The documents of a filed answer reach every party of the case: the court sends the plaintiff its copy (CPL art. 128).</summary>
public sealed class AnswerCopies : IDocumentRecipients
{
    public IReadOnlyList<int> ServedOn(CaseFile file, string documentId) =>
        file.Case.Answer is { } a && a.Answers.Any(x => x.DocumentIds.Contains(documentId))
            ? file.Case.Parties.Select(p => p.PartyNumber).ToList()
            : [];
}
