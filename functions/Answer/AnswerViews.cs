using ECourt.Domain.Answer;
using ECourt.Domain.Calendar;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Answer;

/// <summary>A defendant's answer as the case shows it: for which party, its documents, when, and whether late.</summary>
public sealed record AnswerView(int PartyNumber, IReadOnlyList<string> DocumentIds, DateTimeOffset FiledAt, bool Late)
{
    public static AnswerView From(AnswerFiled a) => new(a.PartyNumber, a.DocumentIds, ChinaTime.ToChinaTime(a.FiledAt), a.Late);
}

/// <summary>The answers one request filed: one per defendant the caller acts for.</summary>
public sealed record AnswersFiledView(IReadOnlyList<AnswerView> Answers)
{
    public static AnswersFiledView From(IReadOnlyList<AnswerFiled> filed) => new(filed.Select(AnswerView.From).ToList());
}

/// <summary>An objection to jurisdiction: the party, its reasons, the court it proposes, when.</summary>
public sealed record ObjectionView(int PartyNumber, IReadOnlyList<string> Reasons, string? ProposedCourt, DateTimeOffset FiledAt)
{
    public static ObjectionView From(JurisdictionObjectionFiled o) => new(o.PartyNumber, o.Reasons, o.ProposedCourt,
        ChinaTime.ToChinaTime(o.FiledAt));
}

/// <summary>The defendants' answers and objections in the case view.</summary>
public sealed record AnswerStageView(IReadOnlyList<AnswerView> Answers, IReadOnlyList<ObjectionView> JurisdictionObjections)
{
    public static AnswerStageView? Of(Domain.Cases.CourtCase c) => c.Answer is { } a
        ? new AnswerStageView(a.Answers.Select(AnswerView.From).ToList(), a.Objections.Select(ObjectionView.From).ToList())
        : null;
}

public static class AnswerViews
{
    public static IServiceCollection AddAnswerViews(this IServiceCollection services)
    {
        // Every party's and the court's: the plaintiff receives the answer's copy and may meet the objection.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<AnswerStageView>("answer", (c, _) => AnswerStageView.Of(c)));
        return services;
    }
}
