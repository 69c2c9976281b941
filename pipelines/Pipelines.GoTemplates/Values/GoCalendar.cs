namespace Pipelines.GoTemplates.Values;

/// <summary>
/// The proleptic Gregorian calendar on day numbers, as Go's time package computes it: any year (Go's zero time is
/// year 1, and <c>toDate "15:04"</c> gives year 0), beyond what <see cref="DateTime"/> holds.
/// </summary>
internal static class GoCalendar
{
    public static readonly string[] Months =
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];

    public static readonly string[] Weekdays =
    [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];

    /// <summary>Days since 1970-01-01 of a civil date (month 1-12).</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /// <summary>The civil date of a day number (days since 1970-01-01).</summary>
    public static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var mp = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }

    public static bool IsLeap(long year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static readonly int[] MonthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public static int DaysIn(int month, long year) =>
        month == 2 && IsLeap(year) ? 29 : MonthLengths[month - 1];

    /// <summary>0 is Sunday, as Go's time.Weekday.</summary>
    public static int Weekday(long days) => (int)(((days + 4) % 7 + 7) % 7);

    /// <summary>Floor division, so that times before 1970 fall on the right day.</summary>
    public static long FloorDiv(long value, long divisor) =>
        value / divisor - (value % divisor != 0 && (value < 0) != (divisor < 0) ? 1 : 0);
}
