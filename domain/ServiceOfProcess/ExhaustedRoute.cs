using ECourt.Domain.Cases;

namespace ECourt.Domain.ServiceOfProcess;

/// <summary>
/// A service whose route ran out with public notice not open to the party (a party who filed online): the case is
/// flagged for the clerk, who must find another way to reach the party.
/// </summary>
public static class ExhaustedRoute
{
    public static (CourtCase Case, CaseEvent Event)? FlagClerk(CourtCase c, ServiceRecord record, DateTimeOffset at)
    {
        if (record.Status != ServiceStatus.AwaitingClerk || record.ClerkFlagged) return null;
        return c.Record("ServiceRouteExhausted", Actor.System, at,
            $"No means of service is left for the {ServiceNoticeTemplates.Title(record.Kind)} on party {record.PartyNumber} " +
            "(a party who filed online is not served by public notice): for the clerk", x => x);
    }
}
