using ECourt.Domain.Calendar;
using ECourt.Domain.Cases;
using ECourt.Domain.Parties;
using ECourt.Domain.ServiceOfProcess;

namespace ECourt.Domain.Answer;

/// <summary>
/// A defendant that agrees to proceed online verifies its identity and links its platform account to the case within 3 days of the
/// notice (the complaint copy served with the link code); one that has not, proceeds offline (Online Litigation Rules art. 10). Its
/// choices for every online activity are then recorded as offline; it may link later and choose online again.
/// </summary>
public static class OnlineLinking
{
    public const int Days = 3;

    public const string Source = "Online Litigation Rules art. 10";

    /// <summary>Each defendant served without a linked account and not yet recorded: the last day it may link to stay online.</summary>
    public static IEnumerable<(int PartyNumber, Deadline Deadline)> Pending(CourtCase c, DeadlineCalculator deadlines)
    {
        if (c.ServiceOfProcess is not { } process || c.Status.IsFinal()) yield break;
        foreach (var served in process.ComplaintServed)
        {
            var party = c.Parties.SingleOrDefault(p => p.PartyNumber == served.PartyNumber);
            if (party is null || party.PlatformAccount is not null || Decided(c, party.PartyNumber)) continue;
            yield return (party.PartyNumber, deadlines.Compute(ChinaTime.DateOf(served.ServedAt), Days, PeriodUnit.Days));
        }
    }

    /// <summary>Every defendant whose 3 days ended unlinked proceeds offline for every activity; null when none is due.</summary>
    public static (CourtCase Case, CaseEvent Event)? Lapse(CourtCase c, DateTimeOffset now, DeadlineCalculator deadlines)
    {
        var due = Pending(c, deadlines).Where(d => now >= d.Deadline.EndsAt).ToList();
        if (due.Count == 0) return null;
        var choices = due.SelectMany(d => Enum.GetValues<OnlineActivity>()
            .Select(a => new OnlineChoice(d.PartyNumber, a, false, now, Actor.System.UserId, Source))).ToList();
        return OnlineConsents.Record(c, Actor.System, now, choices,
            $"Party {string.Join(", ", due.Select(d => d.PartyNumber))} did not link its account within {Days} days of the notice: it "
            + $"proceeds offline ({Source})");
    }

    /// <summary>A choice already made for the party (its own, or the lapse recorded): the 3 days no longer matter.</summary>
    private static bool Decided(CourtCase c, int partyNumber) => c.OnlineConsent?.Choices.Any(x => x.PartyNumber == partyNumber) == true;
}
