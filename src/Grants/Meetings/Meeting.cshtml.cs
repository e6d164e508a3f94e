using Grants.Minutes;
using System.Text;
using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Meetings;

/// <summary>One meeting: the agenda (kansli edits it), kallelse, attendance, numbering, justering and anslag.</summary>
[Authorize(Policy = Policies.BoardReader)]
public sealed class MeetingModel(MeetingQueries queries, MeetingStore store, BoardRegister board, ProfileStore profiles, EditAgenda agenda,
    SendNotice notice, RecordAttendance attendance, AdjustMinutes adjustment, RecordPosting posting,
    TimeProvider time, LocalClock clock, AgendaRoom room, IAuthorizationService authorization) : MeetingPageModel(authorization)
{
    private MeetingDto? _meeting;
    public MeetingDto Meeting => _meeting ?? throw new InvalidOperationException("The meeting is read in LoadAsync.");
    public List<BoardMember> Serving { get; private set; } = [];
    public List<Applications.Application> Candidates { get; private set; } = [];
    public BoardMember? Me { get; private set; }
    public bool CanSign { get; private set; }
    /// <summary>Justering opens on the meeting day (Stockholm date): no signature is offered before.</summary>
    public bool Held => Meeting.Date <= clock.Today;
    /// <summary>The economic room before and after each application item (kansli and board).</summary>
    public Economy.RoomForecastResult? Room { get; private set; }

    public string NameOf(Guid? id) => Serving.FirstOrDefault(m => m.Id == id)?.Name ?? "";
    public bool IsDeciding(Guid id) => Meeting.Attendance.Deciding.Any(d => d.BoardMemberId == id);
    public Guid? Replaces(Guid id) => Meeting.Attendance.Deciding.FirstOrDefault(d => d.BoardMemberId == id)?.ReplacesId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetNoticeAsync(Guid id, CancellationToken ct) =>
        await store.LoadAsync(id, ct) is { } m
            ? File(Encoding.UTF8.GetBytes(NoticeText.Of(m, (await profiles.GetAsync(ct)).Name)), "text/plain; charset=utf-8", $"kallelse-{m.Date:yyyy-MM-dd}.txt")
            : NotFound();

    public async Task<IActionResult> OnGetCalendarAsync(Guid id, CancellationToken ct) =>
        await store.LoadAsync(id, ct) is { } m
            ? File(Encoding.UTF8.GetBytes(Calendar.Invitation(m, (await profiles.GetAsync(ct)).Name, m.NoticesSent, time.GetUtcNow())), Calendar.ContentType, $"sammantrade-{m.Date:yyyy-MM-dd}.ics")
            : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, NewItemKind? kind, Guid? applicationId, string? title, CancellationToken ct) =>
        !await MayAsync(Policies.MeetingAdmin) ? Forbid()
            : await Finish(id, await agenda.AddAsync(User, id, new EditAgenda.AddRequest(kind, applicationId, title), ct), "Ärendet är tillagt.", ct);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid itemId, int position, CancellationToken ct) =>
        !await MayAsync(Policies.MeetingAdmin) ? Forbid()
            : await Finish(id, await agenda.MoveAsync(User, id, itemId, new EditAgenda.MoveRequest(position), ct), "Ärendet är flyttat.", ct);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, CancellationToken ct) =>
        !await MayAsync(Policies.MeetingAdmin) ? Forbid()
            : await Finish(id, await agenda.RemoveAsync(User, id, itemId, ct), "Ärendet är borttaget.", ct);

    public async Task<IActionResult> OnPostNoticeAsync(Guid id, CancellationToken ct) =>
        !await MayAsync(Policies.MeetingAdmin) ? Forbid()
            : await Finish(id, await notice.HandleAsync(User, id, ct), "Kallelsen är skickad till ledamöter och ersättare.", ct);

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, List<Guid>? deciding, Dictionary<Guid, Guid?>? replaces, string? others,
        Guid? chairId, Guid? secretaryId, List<Guid>? adjusterIds, string? adjustmentPlaceAndTime, CancellationToken ct)
    {
        if (!await MayAsync(Policies.MeetingAdmin)) return Forbid();
        var request = new RecordAttendance.Request(
            (deciding ?? []).Select(d => new RecordAttendance.AttendeeRequest(d, replaces?.GetValueOrDefault(d))).ToList(),
            (others ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            chairId, secretaryId, adjusterIds, adjustmentPlaceAndTime);
        return await Finish(id, await attendance.HandleAsync(User, id, request, ct), "Närvaron är sparad.", ct);
    }

    public async Task<IActionResult> OnPostSignAsync(Guid id, Guid? boardMemberId, CancellationToken ct)
    {
        if (!await MayAsync(Policies.MinutesSigner)) return Forbid();
        var outcome = await adjustment.HandleAsync(User, id, new AdjustMinutes.Request(boardMemberId), ct);
        return await Finish(id, outcome, outcome.Value?.State == MeetingState.Adjusted ? "Protokollet är justerat." : "Underskriften är registrerad.", ct);
    }

    public async Task<IActionResult> OnPostPostingAsync(Guid id, DateOnly? postedOn, string? storagePlace, string? signedBy, CancellationToken ct) =>
        !await MayAsync(Policies.MeetingAdmin) ? Forbid()
            : await Finish(id, await posting.HandleAsync(User, id, new RecordPosting.Request(postedOn, storagePlace, signedBy), ct), "Anslaget är registrerat.", ct);

    private async Task<IActionResult> Finish<T>(Guid id, Shared.Outcome<T> outcome, string done, CancellationToken ct)
    {
        if (outcome.IsOk) return Done(done, $"/Meetings/Meeting/{id}");
        var failed = Failed(outcome);
        if (!await LoadAsync(id, ct)) return NotFound();
        return failed!;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        await ResolveRightsAsync();
        if (await queries.GetAsync(id, ct) is not { } meeting) return false;
        _meeting = meeting;
        Serving = (await board.ServingAsync(meeting.Date, ct)).ToList();
        if (CanAdminister && meeting.State == MeetingState.Planned) Candidates = await agenda.CandidatesAsync(ct);
        Me = User.IsInRole(Roles.Board) ? await board.MemberOfAsync(User, meeting.Date, ct) : null;
        var required = meeting.Attendance.AdjusterIds.Append(meeting.Attendance.ChairId ?? Guid.Empty);
        Room = await room.ForAsync(meeting, ct);
        CanSign = meeting.State == MeetingState.Numbered && meeting.Date <= clock.Today && Me is not null && required.Contains(Me.Id) && meeting.Signatures.All(s => s.BoardMemberId != Me.Id);
        return true;
    }
}
