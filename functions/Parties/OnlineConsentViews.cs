using ECourt.Domain.Calendar;
using ECourt.Domain.Parties;
using ECourt.Functions.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace ECourt.Functions.Parties;

/// <summary>A party's choice for one activity: online or offline, since when, and its basis (its own choice, or art. 10's lapse).</summary>
public sealed record OnlineChoiceView(int PartyNumber, OnlineActivity Activity, bool Online, DateTimeOffset ChosenAt, string Basis)
{
    public static OnlineChoiceView From(OnlineChoice x) => new(x.PartyNumber, x.Activity, x.Online, ChinaTime.ToChinaTime(x.ChosenAt),
        x.Basis);
}

/// <summary>Every party's choices in the case view: each side and the court plan the online activities by them.</summary>
public sealed record OnlineConsentView(IReadOnlyList<OnlineChoiceView> Choices);

public static class OnlineConsentViews
{
    public static IServiceCollection AddOnlineConsentViews(this IServiceCollection services)
    {
        services.AddSingleton<ICaseViewPart>(new CaseViewPart<OnlineConsentView>("onlineConsent",
            (c, _) => c.OnlineConsent is { } s ? new OnlineConsentView(s.Choices.Select(OnlineChoiceView.From).ToList()) : null));
        return services;
    }
}
