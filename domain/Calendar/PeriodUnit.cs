namespace ECourt.Domain.Calendar;

public enum PeriodUnit
{
    Days,
    WorkingDays,
    Months,
}

public static class PeriodUnits
{
    public static bool TryParse(string? text, out PeriodUnit unit)
    {
        switch (text)
        {
            case "days": unit = PeriodUnit.Days; return true;
            case "working-days": unit = PeriodUnit.WorkingDays; return true;
            case "months": unit = PeriodUnit.Months; return true;
            default: unit = default; return false;
        }
    }

    public static string Name(this PeriodUnit unit) => unit switch
    {
        PeriodUnit.Days => "days",
        PeriodUnit.WorkingDays => "working-days",
        PeriodUnit.Months => "months",
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
