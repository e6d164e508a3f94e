namespace Grants.FollowUp;

/// <summary>One reminder occasion of a due date: its day and a key that names it in the outbox.</summary>
public sealed record ReminderOccasion(DateOnly On, string Key, int DaysBefore)
{
    public bool Overdue => DaysBefore < 0;
    public bool OnTheDay => DaysBefore == 0;
}

/// <summary>
/// The reminder calendar of one due date: each offset before it, the day itself, then every N days while
/// overdue. Pure arithmetic, so the sweep asks "what is the latest occasion due now" instead of "is it
/// today": a reminder missed while the app was down still goes out, and only the latest one.
/// </summary>
public sealed class ReminderSchedule(IReadOnlyList<int> daysBefore, int? overdueEvery)
{
    private readonly int[] _before = daysBefore.Where(d => d > 0).Distinct().OrderByDescending(d => d).ToArray();

    public ReminderOccasion First(DateOnly due) =>
        _before.Length > 0 ? Before(due, _before[0]) : Day(due);

    /// <summary>The latest occasion on or before <paramref name="today"/>, or null when none has come yet.</summary>
    public ReminderOccasion? LatestDue(DateOnly due, DateOnly today)
    {
        var daysLeft = due.DayNumber - today.DayNumber;
        if (daysLeft > 0)
        {
            // The closest offset that has been reached: the smallest one still ≥ the days left.
            var reached = _before.Where(b => b >= daysLeft).DefaultIfEmpty(0).Min();
            return reached == 0 ? null : Before(due, reached);
        }
        if (daysLeft == 0 || overdueEvery is not { } every) return Day(due);
        var periods = -daysLeft / every;
        return periods == 0 ? Day(due) : After(due, periods * every);
    }

    /// <summary>The first occasion after <paramref name="today"/> (null when the calendar ends: no overdue reminders).</summary>
    public ReminderOccasion? NextAfter(DateOnly due, DateOnly today)
    {
        var daysLeft = due.DayNumber - today.DayNumber;
        if (daysLeft > 0)
        {
            var next = _before.Where(b => b < daysLeft).DefaultIfEmpty(0).Max();
            return next == 0 ? Day(due) : Before(due, next);
        }
        if (overdueEvery is not { } every) return null;
        var periods = -daysLeft / every + 1;
        return After(due, periods * every);
    }

    private static ReminderOccasion Before(DateOnly due, int days) => new(due.AddDays(-days), $"fore-{days}", days);
    private static ReminderOccasion Day(DateOnly due) => new(due, "dag", 0);
    private static ReminderOccasion After(DateOnly due, int days) => new(due.AddDays(days), $"efter-{days}", -days);
}
