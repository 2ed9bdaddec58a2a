using System.Text.Json.Serialization;

namespace ECourt.Domain.Calendar;

public enum PeriodUnit
{
    [JsonStringEnumMemberName("days")]
    Days,
    [JsonStringEnumMemberName("working-days")]
    WorkingDays,
    [JsonStringEnumMemberName("months")]
    Months,
}
