using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Grants.FollowUp;

/// <summary>Settings under "FollowUp": when reports are due and when reminders go out.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Due dates of the status reports within the project period, as MM-DD (default 30 June and 31 December).</summary>
    /// <remarks>The list defaults stay out of the initialisers: the configuration binder appends to a list that already has items.</remarks>
    public List<string> StatusReportDates { get; set; } = [];

    /// <summary>The final report is due this many days after the project's end date.</summary>
    [Range(0, 365, ErrorMessage = "FollowUp:FinalReportDaysAfterEnd måste vara mellan 0 och 365.")]
    public int FinalReportDaysAfterEnd { get; set; } = 60;

    /// <summary>Reminders go out this many days before a report's due date (and on the day itself).</summary>
    public List<int> ReminderDaysBefore { get; set; } = [];

    /// <summary>While a report is overdue a reminder goes out every this many days, the kansli in copy.</summary>
    [Range(1, 90, ErrorMessage = "FollowUp:OverdueReminderEveryDays måste vara mellan 1 och 90.")]
    public int OverdueReminderEveryDays { get; set; } = 7;

    /// <summary>Reminders before a co-financing condition's deadline.</summary>
    public List<int> ConditionReminderDaysBefore { get; set; } = [];

    /// <summary>When the kansli asks for komplettering the new due date is at least this many days away.</summary>
    [Range(1, 180, ErrorMessage = "FollowUp:CompletionDays måste vara mellan 1 och 180.")]
    public int CompletionDays { get; set; } = 14;

    /// <summary>Fills the defaults of lists the configuration left empty.</summary>
    public void ApplyDefaults()
    {
        if (StatusReportDates.Count == 0) StatusReportDates = ["06-30", "12-31"];
        if (ReminderDaysBefore.Count == 0) ReminderDaysBefore = [14, 3];
        if (ConditionReminderDaysBefore.Count == 0) ConditionReminderDaysBefore = [14, 3];
    }

    public IReadOnlyList<(int Month, int Day)> ParsedStatusReportDates() =>
        StatusReportDates.Distinct().Select(s => DateOnly.ParseExact("2000-" + s, "yyyy-MM-dd", CultureInfo.InvariantCulture)).Select(d => (d.Month, d.Day)).ToList();
}

public sealed class FollowUpOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<FollowUpOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, FollowUpOptions o)
    {
        var failures = new List<string>();
        foreach (var s in o.StatusReportDates)
            if (!DateOnly.TryParseExact("2000-" + s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                failures.Add($"FollowUp:StatusReportDates: '{s}' är inte ett datum på formen MM-DD.");
        if (o.ReminderDaysBefore.Any(d => d is < 1 or > 180)) failures.Add("FollowUp:ReminderDaysBefore: varje värde måste vara mellan 1 och 180.");
        if (o.ConditionReminderDaysBefore.Any(d => d is < 1 or > 180)) failures.Add("FollowUp:ConditionReminderDaysBefore: varje värde måste vara mellan 1 och 180.");
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
