using System.Text.Json.Serialization;
using ECourt.Domain.Cases;

namespace ECourt.Domain.Parties;

/// <summary>The activities a party agrees to take part in online, each on its own (Online Litigation Rules art. 4).</summary>
public enum OnlineActivity
{
    [JsonStringEnumMemberName("evidence-exchange")]
    EvidenceExchange,
    [JsonStringEnumMemberName("hearing")]
    Hearing,
    [JsonStringEnumMemberName("mediation")]
    Mediation,
}

/// <summary>A party's choice for one activity: online or offline, when, by whom, and on what basis.</summary>
public sealed record OnlineChoice(int PartyNumber, OnlineActivity Activity, bool Online, DateTimeOffset ChosenAt, string ChosenBy,
    string Basis);

/// <summary>Every party's latest choice per activity, in the case's snapshot (the part "onlineConsent"); at most parties ×
/// activities.</summary>
public sealed record OnlineConsentSummary(IReadOnlyList<OnlineChoice> Choices)
{
    public static OnlineConsentSummary Empty { get; } = new([]);
}

/// <summary>
/// Consent to online proceedings (SPC Online Litigation Rules 2021): given by each party for each activity (art. 4), never presumed
/// from silence; a party may go back offline for an activity, asking a reasonable time before it (art. 5). Taking part online needs
/// the party's platform account linked to the case (art. 10: a defendant that does not link within 3 days of notice proceeds
/// offline). Consent to electronic service (CPL art. 90) is a different consent and is kept apart.
/// </summary>
public static class OnlineConsents
{
    public const string ChooseOnlineProceedings = nameof(ChooseOnlineProceedings);

    public const string Source = "Online Litigation Rules arts. 4–5";

    public static readonly CasePart Part = CasePart.Of<OnlineConsentSummary>("onlineConsent");

    extension(CourtCase c)
    {
        public OnlineConsentSummary? OnlineConsent => c.Part<OnlineConsentSummary>();
    }

    /// <summary>The party's latest choice for the activity; null when it has made none (which is not consent).</summary>
    public static OnlineChoice? Choice(CourtCase c, int partyNumber, OnlineActivity activity) =>
        c.OnlineConsent?.Choices.LastOrDefault(x => x.PartyNumber == partyNumber && x.Activity == activity);

    public static (CourtCase Case, CaseEvent Event) Choose(CourtCase c, Actor actor, int partyNumber, OnlineActivity activity, bool online,
        DateTimeOffset now)
    {
        if (c.RegisteredAt is null || c.Status.IsFinal())
            throw new DomainRuleException("online-consent-closed",
                $"Consent to online proceedings is given for a registered, open case; the case is {c.Status}.");
        var party = c.Parties.Single(p => p.PartyNumber == partyNumber);
        if (online && party.PlatformAccount is null)
            throw new DomainRuleException("online-consent-needs-linked-account",
                $"Party {partyNumber} takes part online through its platform account linked to the case: link it first "
                + "(Online Litigation Rules art. 10).");
        return Record(c, actor, now, [new OnlineChoice(partyNumber, activity, online, now, actor.UserId, Source)],
            $"Party {partyNumber} chooses to take part in the {Wire(activity)} {(online ? "online" : "offline")} ({Source})");
    }

    /// <summary>Choices recorded for the parties at once (a defendant proceeding offline for every activity).</summary>
    public static (CourtCase Case, CaseEvent Event) Record(CourtCase c, Actor actor, DateTimeOffset now,
        IReadOnlyList<OnlineChoice> choices,
        string reason)
    {
        var summary = c.OnlineConsent ?? OnlineConsentSummary.Empty;
        var kept = summary.Choices.Where(x => !choices.Any(n => n.PartyNumber == x.PartyNumber && n.Activity == x.Activity));
        return c.Record(ChooseOnlineProceedings, actor, now, reason, x => x.With(new OnlineConsentSummary([.. kept, .. choices])));
    }

    public static string Wire(OnlineActivity activity) => activity switch
    {
        OnlineActivity.EvidenceExchange => "evidence exchange",
        OnlineActivity.Hearing => "hearing",
        _ => "mediation",
    };
}
