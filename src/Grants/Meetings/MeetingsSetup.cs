using System.ComponentModel.DataAnnotations;
using Grants.Infrastructure;
using Grants.Minutes;
using Grants.Shared;

namespace Grants.Meetings;

/// <summary>Settings of the board's work (section "Board").</summary>
public sealed class BoardOptions
{
    public const string Section = "Board";

    /// <summary>How many days before the 14-day adjustment deadline the overview warns and the justerare is reminded.</summary>
    [Range(0, 13, ErrorMessage = "Board:ReminderDaysBefore måste vara 0–13.")]
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>"Förvaringsplats för protokollet" in Bevis om anslag.</summary>
    [Required(ErrorMessage = "Board:StoragePlace måste anges."), MinLength(1)]
    public string StoragePlace { get; set; } = "Förbundskansliet";

    /// <summary>Beslutförhet as the förbundsordning states it: MoreThanHalf (default), AtLeastHalf or All of the ledamöter.</summary>
    [EnumDataType(typeof(QuorumRule), ErrorMessage = "Board:Quorum måste vara MoreThanHalf, AtLeastHalf eller All.")]
    public QuorumRule Quorum { get; set; } = QuorumRule.MoreThanHalf;
}

/// <summary>The förbund's continuing § series: one row, incremented in the numbering transaction.</summary>
public sealed class ParagraphCounter
{
    public int Id { get; set; } = 1;
    public int Last { get; set; }
}

public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<BoardOptions>().BindConfiguration(BoardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MeetingStore>();
        services.AddScoped<BoardRegister>();
        services.AddScoped<IBoardCalendar, BoardCalendar>();
        services.AddScoped<IApplicationDecisions, ApplicationDecisions>();
        services.AddScoped<Start.IStartSection, MeetingsStartSection>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<AgendaPrefill>();
        services.AddScoped<EditAgenda>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<RecordDecision>();
        services.AddScoped<NumberMinutes>();
        services.AddScoped<Association.IParagraphSeries, ParagraphSeries>();
        services.AddScoped<SendNotice>();
        services.AddScoped<AdjustMinutes>();
        services.AddScoped<RecordPosting>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<AgendaRoom>();
        services.AddScoped<DecisionList>();
        services.AddScoped<IMinutesSource, MinutesSource>();
        services.AddScoped<AdjustmentReminderStep>();
        services.AddScoped<ISweepStep>(sp => sp.GetRequiredService<AdjustmentReminderStep>());
        return services;
    }
}
