using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ECourt.Application.Parties;

/// <summary>Parties' accounts: linked by their holders, and the clerk's acts on them.</summary>
public static class PartiesRegistration
{
    public static IServiceCollection AddParties(this IServiceCollection services)
    {
        services.TryAddSingleton<LinkPartyAccount>();
        services.TryAddSingleton<PartyAccountsByClerk>();
        services.TryAddSingleton<ChooseOnlineProceedings>();
        return services;
    }
}
