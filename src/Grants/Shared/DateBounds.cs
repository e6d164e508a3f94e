namespace Grants.Shared;

/// <summary>
/// The years every date a person enters must lie in, and the longest project period: month arithmetic and everything
/// derived from a date (report plans, budgets, timers) stay bounded, so a typo like 0001-01-01 is a field error, never a 500.
/// </summary>
public static class DateBounds
{
    public const int MinYear = 2000, MaxYear = 2100;
    public const int MaxProjectYears = 10;

    public static bool Within(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    public static string Message(string label) => $"{label} måste ligga mellan år {MinYear} och {MaxYear}.";
}
