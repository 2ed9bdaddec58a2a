using ECourt.Domain;
using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Judgments;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Judgments;

/// <summary>An order as issued, and its last day of performance once the judgment took effect.</summary>
public sealed record JudgmentOrderView(int Debtor, int Creditor, decimal? Amount, int? PerformWithinDays, string Text, string? PerformBy);

/// <summary>A party's service of the judgment, the last day it may appeal (none when nothing can be appealed), and its appeal.</summary>
public sealed record JudgmentPartyView(int PartyNumber, DateTimeOffset? ServedAt, string? AppealBy, DateTimeOffset? AppealedAt);

/// <summary>A costs instruction: refund or payment, from and to (a party number; none: the court), how much, by when.</summary>
public sealed record CostInstructionView(string Kind, int? FromParty, int? ToParty, decimal Amount, string? DueOn, string Basis);

/// <summary>
/// The judgment in the case view: what it is, its document, where its text came from, each party's service and appeal period, the
/// day it took effect, its orders with their performance deadlines, the costs allocation and what it means once effective.
/// </summary>
public sealed record JudgmentView(string JudgmentId, string Kind, string? Ground, string DocumentId, DateTimeOffset IssuedAt,
    string TextSource, string? TextFailure, bool Appealable, IReadOnlyList<JudgmentPartyView> Parties, string? EffectiveOn,
    IReadOnlyList<JudgmentOrderView> Orders, IReadOnlyList<CostShareView> Costs, IReadOnlyList<CostInstructionView> CostInstructions)
{
    public static JudgmentView Of(CourtCase c, Judgment j) => new(j.JudgmentId, j.Kind.WireName(),
        j.Ground?.WireName(), j.DocumentId, ChinaTime.ToChinaTime(j.IssuedAt), j.TextSource.WireName(), j.TextFailure,
        AppealPeriod.Days(j.Kind, j.Ground, c.Procedure) is not null,
        j.Recipients.Select(p => new JudgmentPartyView(p, j.ServiceOn(p) is { } s ? ChinaTime.ToChinaTime(s.ServedAt) : null,
            AppealPeriod.For(c, j, p)?.LastDay.ToString("yyyy-MM-dd"),
            j.Appeals.FirstOrDefault(a => a.PartyNumber == p) is { } a ? ChinaTime.ToChinaTime(a.FiledAt) : null)).ToList(),
        j.EffectiveOn?.ToString("yyyy-MM-dd"),
        j.Orders.Select((o, i) => new JudgmentOrderView(o.Debtor, o.Creditor, o.Amount, o.PerformWithinDays, o.Text,
            j.Performance.FirstOrDefault(p => p.Order == i)?.LastDay.ToString("yyyy-MM-dd"))).ToList(),
        j.Costs.Select(s => new CostShareView(s.PartyNumber, s.Amount)).ToList(),
        j.CostInstructions.Select(i => new CostInstructionView(i.Kind.WireName(), i.FromParty, i.ToParty, i.Amount,
            i.DueOn?.ToString("yyyy-MM-dd"), i.Basis)).ToList());
}

/// <summary>A party's share of the acceptance fee.</summary>
public sealed record CostShareView(int PartyNumber, decimal Amount);

public static class JudgmentViews
{
    public static IServiceCollection AddJudgmentViews(this IServiceCollection services)
    {
        // Every party's and the court's: the judgment is served on every party.
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<JudgmentView>("judgment", (c, _) => c.Judgment is { } j
            ? JudgmentView.Of(c, j)
            : null));
        return services;
    }
}
