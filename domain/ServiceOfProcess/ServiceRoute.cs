using System.Text.Json.Serialization;
using ECourt.Domain.Parties;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>How a document is served, in the order of preference (DOMAIN.md, service of documents).</summary>
public enum ServiceMethod
{
    /// <summary>Into the platform inbox, with a notice by SMS to this address.</summary>
    [JsonStringEnumMemberName("sms")]
    Sms,
    /// <summary>Into the platform inbox, with a notice by email to this address.</summary>
    [JsonStringEnumMemberName("email")]
    Email,
    /// <summary>By post; a clerk records the postal result.</summary>
    [JsonStringEnumMemberName("post")]
    Post,
    /// <summary>By public notice: only on a judge's decision with reasons, and never in simplified or small-claims procedure.</summary>
    [JsonStringEnumMemberName("public-notice")]
    PublicNotice,
    /// <summary>Into the platform inbox of the party's account (the address is the account), for a party with no SMS or email address.</summary>
    [JsonStringEnumMemberName("inbox")]
    Inbox,
    /// <summary>
    /// No means of service is left on the route: the clerk is flagged to find another. The last step of the route of a
    /// party who filed online, which is never served by public notice.
    /// </summary>
    [JsonStringEnumMemberName("clerk")]
    Clerk,
}

/// <summary>One step of a service route: the method, the address it goes to, and whether the party gave or confirmed that address.</summary>
public sealed record ServiceStep(ServiceMethod Method, string? Address, bool Confirmed);

/// <summary>
/// The route a document takes to one party: its consented electronic addresses in the court's channel
/// order (or, with none, its platform inbox), then post, then public notice. Electronic service needs the
/// party's consent (CPL art. 90); without it the route starts with post. Confirmed addresses come before
/// addresses the court found. A party on whose behalf the case was filed online is never served by public
/// notice: its route ends with the clerk.
/// </summary>
public static class ServiceRoute
{
    public static readonly IReadOnlyList<ServiceChannel> DefaultChannelOrder = [ServiceChannel.Sms, ServiceChannel.Email];

    /// <param name="filedBy">the user who filed the case online</param>
    public static IReadOnlyList<ServiceStep> For(Party party, string filedBy, IReadOnlyList<ServiceChannel> electronicOrder)
    {
        var steps = new List<ServiceStep>();
        if (party.ElectronicServiceConsent is not null)
        {
            foreach (var channel in electronicOrder.Where(c => c is ServiceChannel.Sms or ServiceChannel.Email).Distinct())
            {
                foreach (var a in Addresses(party, channel))
                    steps.Add(new ServiceStep(channel == ServiceChannel.Sms ? ServiceMethod.Sms : ServiceMethod.Email, a.Address, a.ConfirmedAt is not null));
            }
            // Every electronic step delivers into the inbox too; with no phone or email the inbox is the address.
            if (steps.Count == 0 && party.PlatformAccount is { } account)
                steps.Add(new ServiceStep(ServiceMethod.Inbox, account, party.ConsentedItself));
        }
        var postal = Addresses(party, ServiceChannel.Postal).ToList();
        if (postal.Count > 0)
            steps.AddRange(postal.Select(a => new ServiceStep(ServiceMethod.Post, a.Address, a.ConfirmedAt is not null)));
        else if (!string.IsNullOrWhiteSpace(party.Address))
            // The address in the complaint is one the court was given by the other side: found, not confirmed.
            steps.Add(new ServiceStep(ServiceMethod.Post, party.Address, false));
        steps.Add(party.IsActedForBy(filedBy) ? new ServiceStep(ServiceMethod.Clerk, null, false) : new ServiceStep(ServiceMethod.PublicNotice, null, false));
        return steps;
    }

    private static IEnumerable<ServiceAddress> Addresses(Party party, ServiceChannel channel) =>
        party.ServiceAddresses.Where(a => a.Channel == channel).OrderBy(a => a.ConfirmedAt is null);
}
