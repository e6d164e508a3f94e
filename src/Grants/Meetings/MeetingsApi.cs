using System.Security.Claims;
using System.Text;
using Grants.Applications;
using Grants.Association;
using Grants.Identity;
using Grants.Minutes;
using Grants.Shared;

namespace Grants.Meetings;

public static class MeetingsApi
{
    public sealed record CandidateDto(Guid Id, string? RegistrationNumber, string ProjectName, string OrganisationName, long AmountApplied, string State);

    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder routes)
    {
        var board = routes.MapGroup("/api/board").WithTags("Styrelsen");
        board.MapGet("/members", async (BoardRegister register, CancellationToken ct) =>
                Results.Ok((await register.MembersAsync(ct)).Select(MeetingQueries.ToDto)))
            .RequireAuthorization(Policies.BoardReader).Produces<List<BoardMemberDto>>();
        board.MapPost("/members", (HttpRequest req, ClaimsPrincipal user, BoardRegister register, CancellationToken ct) =>
                Body<BoardRegister.MemberRequest>(req, ct, async b => ApiResults.From(await register.AddAsync(user, b, ct),
                    m => Results.Created($"/api/board/members/{m.Id}", MeetingQueries.ToDto(m)))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();

        var meetings = routes.MapGroup("/api/meetings").WithTags("Styrelsen");
        meetings.MapGet("", async (MeetingQueries q, CancellationToken ct) => Results.Ok(await q.ListAsync(ct)))
            .RequireAuthorization(Policies.BoardReader).Produces<List<MeetingSummary>>();
        meetings.MapPost("", (HttpRequest req, ClaimsPrincipal user, CreateMeeting handler, MeetingQueries q, CancellationToken ct) =>
                Body<CreateMeeting.Request>(req, ct, async b => ApiResults.From(await handler.HandleAsync(user, b, ct),
                    m => Results.Created($"/api/meetings/{m.Id}", q.ToDto(m)))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapGet("/{id:guid}", async (Guid id, MeetingQueries q, CancellationToken ct) =>
                await q.GetAsync(id, ct) is { } m ? Results.Ok(m) : NotFound())
            .RequireAuthorization(Policies.BoardReader).Produces<MeetingDto>();
        meetings.MapGet("/candidates", async (EditAgenda agenda, CancellationToken ct) =>
                Results.Ok((await agenda.CandidatesAsync(ct)).Select(a =>
                    new CandidateDto(a.Id, a.RegistrationNumber, a.ProjectName, a.Organisation?.Name ?? "", a.AmountApplied, a.State))))
            .RequireAuthorization(Policies.MeetingAdmin).Produces<List<CandidateDto>>();

        meetings.MapPost("/{id:guid}/items", (Guid id, HttpRequest req, ClaimsPrincipal user, EditAgenda agenda, CancellationToken ct) =>
                Body<EditAgenda.AddRequest>(req, ct, async b => ApiResults.From(await agenda.AddAsync(user, id, b, ct),
                    i => Results.Created($"/api/meetings/{id}/items/{i.Id}", MeetingQueries.ToDto(i)))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapPut("/{id:guid}/items/{itemId:guid}", (Guid id, Guid itemId, HttpRequest req, ClaimsPrincipal user, EditAgenda agenda, CancellationToken ct) =>
                Body<EditAgenda.UpdateRequest>(req, ct, async b => ApiResults.From(await agenda.UpdateAsync(user, id, itemId, b, ct), Item)))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapPost("/{id:guid}/items/{itemId:guid}/move", (Guid id, Guid itemId, HttpRequest req, ClaimsPrincipal user, EditAgenda agenda, CancellationToken ct) =>
                Body<EditAgenda.MoveRequest>(req, ct, async b => ApiResults.From(await agenda.MoveAsync(user, id, itemId, b, ct), Item)))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, ClaimsPrincipal user, EditAgenda agenda, CancellationToken ct) =>
                ApiResults.From(await agenda.RemoveAsync(user, id, itemId, ct), _ => Results.NoContent()))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery();
        meetings.MapPut("/{id:guid}/items/{itemId:guid}/decision", (Guid id, Guid itemId, HttpRequest req, ClaimsPrincipal user, RecordDecision handler, CancellationToken ct) =>
                Body<RecordDecision.Request>(req, ct, async b => ApiResults.From(await handler.HandleAsync(user, id, itemId, b, ct), Item)))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapPut("/{id:guid}/attendance", (Guid id, HttpRequest req, ClaimsPrincipal user, RecordAttendance handler, MeetingQueries q, CancellationToken ct) =>
                Body<RecordAttendance.Request>(req, ct, async b => ApiResults.From(await handler.HandleAsync(user, id, b, ct), m => Results.Ok(q.ToDto(m)))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapGet("/{id:guid}/number", async (Guid id, NumberMinutes handler, CancellationToken ct) =>
                await handler.PreviewAsync(id, ct) is { } preview ? Results.Ok(preview) : NotFound())
            .RequireAuthorization(Policies.MeetingAdmin).Produces<NumberingPreview>();
        meetings.MapPost("/{id:guid}/number", async (Guid id, int? version, ClaimsPrincipal user, NumberMinutes handler, MeetingQueries q, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(user, id, version, ct), m => Results.Ok(q.ToDto(m))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery();
        meetings.MapPost("/{id:guid}/notice", async (Guid id, ClaimsPrincipal user, SendNotice handler, MeetingQueries q, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(user, id, ct), m => Results.Ok(q.ToDto(m))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery();
        meetings.MapPost("/{id:guid}/signatures", (Guid id, HttpRequest req, ClaimsPrincipal user, AdjustMinutes handler, MeetingQueries q, CancellationToken ct) =>
                Body<AdjustMinutes.Request>(req, ct, async b => ApiResults.From(await handler.HandleAsync(user, id, b, ct), m => Results.Ok(q.ToDto(m)))))
            .RequireAuthorization(Policies.MinutesSigner).DisableAntiforgery().ProducesValidationProblem();
        meetings.MapPut("/{id:guid}/posting", (Guid id, HttpRequest req, ClaimsPrincipal user, RecordPosting handler, MeetingQueries q, CancellationToken ct) =>
                Body<RecordPosting.Request>(req, ct, async b => ApiResults.From(await handler.HandleAsync(user, id, b, ct), m => Results.Ok(q.ToDto(m)))))
            .RequireAuthorization(Policies.MeetingAdmin).DisableAntiforgery().ProducesValidationProblem();

        meetings.MapGet("/{id:guid}/minutes", async (Guid id, IMinutesSource source, CancellationToken ct) =>
                await source.ForMeetingAsync(id, ct) is { } doc ? Results.Ok(doc) : NotFound())
            .RequireAuthorization(Policies.BoardReader).Produces<MinutesDocument>();
        meetings.MapGet("/{id:guid}/notice.txt", async (Guid id, MeetingStore store, ProfileStore profiles, CancellationToken ct) =>
                await store.LoadAsync(id, ct) is { } m
                    ? Results.File(Encoding.UTF8.GetBytes(NoticeText.Of(m, (await profiles.GetAsync(ct)).Name)), "text/plain; charset=utf-8", $"kallelse-{m.Date:yyyy-MM-dd}.txt")
                    : NotFound())
            .RequireAuthorization(Policies.BoardReader);
        meetings.MapGet("/{id:guid}/calendar.ics", async (Guid id, MeetingStore store, ProfileStore profiles, TimeProvider time, CancellationToken ct) =>
                await store.LoadAsync(id, ct) is { } m
                    ? Results.File(Encoding.UTF8.GetBytes(Calendar.Invitation(m, (await profiles.GetAsync(ct)).Name, m.NoticesSent, time.GetUtcNow())), Calendar.ContentType, $"sammantrade-{m.Date:yyyy-MM-dd}.ics")
                    : NotFound())
            .RequireAuthorization(Policies.BoardReader);
        meetings.MapGet("/decisions", async (int? year, string? format, DecisionList list, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx"))
                {
                    var errors = new ValidationErrors();
                    errors.Add("format", "Välj format csv eller xlsx.");
                    return ApiResults.Validation(errors);
                }
                var sheet = await list.SpreadsheetAsync(year, ct);
                var name = year is { } y ? $"beslut-{y}" : "beslut";
                return format == "xlsx"
                    ? Results.File(sheet.ToXlsx(), Spreadsheet.XlsxContentType, name + ".xlsx")
                    : Results.File(sheet.ToCsv(), Spreadsheet.CsvContentType, name + ".csv");
            })
            .RequireAuthorization(Policies.BoardReader);
        return routes;
    }

    private static IResult Item(AgendaItem i) => Results.Ok(MeetingQueries.ToDto(i));

    private static IResult NotFound() => ApiResults.Problem(404, "Hittades inte", "Sammanträdet finns inte.");

    private static async Task<IResult> Body<T>(HttpRequest request, CancellationToken ct, Func<T, Task<IResult>> handle) where T : class
    {
        var body = await JsonBody.ReadAsync<T>(request, FormJsonOptions.Options, ct);
        return body.IsOk ? await handle(body.Value!) : ApiResults.From(body, _ => Results.Empty);
    }
}
