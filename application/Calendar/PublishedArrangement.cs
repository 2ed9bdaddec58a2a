using System.Text.Json.Serialization;
using ECourt.Domain.Calendar;

namespace ECourt.Application.Calendar;

/// <summary>Whose arrangement: the State Council's for the whole country, or the deployment's own for its region.</summary>
public enum CalendarScope
{
    [JsonStringEnumMemberName("national")]
    National,
    [JsonStringEnumMemberName("regional")]
    Regional,
}

/// <summary>An arrangement as an administrator published it: the year, whose it is, the notice's days, who published it and when.</summary>
public sealed record PublishedArrangement(int Year, CalendarScope Scope, CalendarYear Arrangement, string PublishedBy,
    DateTimeOffset PublishedAt);

/// <summary>Published arrangements, read by every host and written by the administrators' route.</summary>
public interface ICalendarStore
{
    Task<IReadOnlyList<PublishedArrangement>> ListAsync(CancellationToken ct = default);

    Task PutAsync(PublishedArrangement arrangement, CancellationToken ct = default);
}
