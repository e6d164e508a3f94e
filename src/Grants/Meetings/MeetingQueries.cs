using Grants.Minutes;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Grants.Meetings;

public sealed record MeetingSummary(Guid Id, DateOnly Date, string PlaceAndTime, MeetingState State, string StateLabel, int Items,
    int? FirstParagraph, int? LastParagraph, DateOnly AdjustmentDeadline, string? AdjustmentWarning, DateOnly? AdjustedOn);

public sealed record ItemDto(Guid Id, int Position, AgendaItemKind Kind, string? StandingKey, Guid? ApplicationId, string? RegistrationNumber,
    string Title, string Text, IReadOnlyList<string> Proposal, int? ParagraphNumber, ItemDecision Decision);

public sealed record MeetingDto(Guid Id, DateOnly Date, TimeOnly StartTime, TimeOnly? EndTime, string Place, MeetingState State, string StateLabel,
    int Version, int? FirstParagraph, int? LastParagraph, string ParagraphRange, AttendanceList Attendance, IReadOnlyList<Signature> Signatures,
    DateOnly AdjustmentDeadline, string? AdjustmentWarning, DateTimeOffset? AdjustedAt, string? ContentHash,
    DateOnly? PostedOn, DateOnly? TakenDownOn, string? StoragePlace, int NoticesSent, IReadOnlyList<ItemDto> Items);

public sealed record BoardMemberDto(Guid Id, string Name, string Email, string? MemberKey, BoardRole Role, BoardOffice Office, string RoleLabel,
    Guid? DeputyForId, DateOnly TermStart, DateOnly TermEnd);

public sealed class MeetingQueries(GrantsDbContext db, LocalClock clock, IOptions<BoardOptions> options)
{
    public async Task<List<MeetingSummary>> ListAsync(CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items).ToListAsync(ct);
        return meetings.OrderByDescending(m => m.Date).Select(m => new MeetingSummary(m.Id, m.Date, m.PlaceAndTime, m.State, StateLabel(m.State),
            m.Items.Count, m.FirstParagraph, m.LastParagraph, m.AdjustmentDeadline, Warning(m), m.AdjustedOn)).ToList();
    }

    public async Task<MeetingDto?> GetAsync(Guid id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        return m is null ? null : ToDto(m);
    }

    public MeetingDto ToDto(Meeting m) => new(m.Id, m.Date, m.StartTime, m.EndTime, m.Place, m.State, StateLabel(m.State), m.Version,
        m.FirstParagraph, m.LastParagraph, MinutesBuilder.ParagraphRange(m.FirstParagraph, m.LastParagraph), m.Attendance, m.Signatures,
        m.AdjustmentDeadline, Warning(m), m.AdjustedAt, m.ContentHash, m.PostedOn, m.TakenDownOn, m.StoragePlace, m.NoticesSent,
        m.Ordered.Select(ToDto).ToList());

    public static ItemDto ToDto(AgendaItem i) =>
        new(i.Id, i.Position, i.Kind, i.StandingKey, i.ApplicationId, i.RegistrationNumber, i.Title, i.Text, i.Proposal, i.ParagraphNumber, i.Decision);

    public static BoardMemberDto ToDto(BoardMember m) =>
        new(m.Id, m.Name, m.Email, m.MemberKey, m.Role, m.Office, m.RoleLabel, m.DeputyForId, m.TermStart, m.TermEnd);

    /// <summary>The overview's warning as the 14-day adjustment deadline approaches or has passed.</summary>
    public string? Warning(Meeting m)
    {
        var today = clock.Today;
        if (!AdjustmentReminderStep.IsDue(m, today, options.Value.ReminderDaysBefore)) return null;
        var days = m.AdjustmentDeadline.DayNumber - today.DayNumber;
        return days switch
        {
            < 0 => $"Justeringen är försenad: protokollet skulle ha justerats senast {m.AdjustmentDeadline:yyyy-MM-dd}.",
            0 => $"Protokollet ska justeras i dag ({m.AdjustmentDeadline:yyyy-MM-dd}).",
            _ => $"Protokollet ska justeras senast {m.AdjustmentDeadline:yyyy-MM-dd} (om {days} {(days == 1 ? "dag" : "dagar")}).",
        };
    }

    public static string StateLabel(MeetingState s) => s switch
    {
        MeetingState.Planned => "Planerat",
        MeetingState.Numbered => "Numrerat, ej justerat",
        _ => "Justerat",
    };
}
