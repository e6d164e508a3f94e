using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

public static class LsgApi
{
    public sealed record MemberDto(Guid Id, string Name, string MemberKey, string Email);
    public sealed record MeetingDto(Guid Id, DateOnly Date, IReadOnlyList<Guid> Attendees);
    public sealed record ConflictDto(Guid Id, Guid ApplicationId, Guid LsgMemberId, string Reason, DateTimeOffset DeclaredAt);

    public static IEndpointRouteBuilder MapLsgApi(this IEndpointRouteBuilder routes)
    {
        var lsg = routes.MapGroup("/api/lsg").WithTags("LSG");
        lsg.MapGet("/queue", async (LsgQueries q, CancellationToken ct) => Results.Ok(await q.QueueAsync(ct)))
            .RequireAuthorization(Policies.LsgReader).Produces<List<QueueItem>>();
        lsg.MapGet("/members", async (LsgQueries q, CancellationToken ct) =>
                Results.Ok((await q.MembersAsync(ct)).Select(m => new MemberDto(m.Id, m.Name, m.MemberKey, m.Email))))
            .RequireAuthorization(Policies.LsgReader).Produces<List<MemberDto>>();
        lsg.MapPost("/members", async (HttpRequest request, ClaimsPrincipal user, LsgRegister register, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<LsgRegister.MemberRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await register.AddMemberAsync(user, body.Value!, ct),
                    m => Results.Created($"/api/lsg/members/{m.Id}", new MemberDto(m.Id, m.Name, m.MemberKey, m.Email)));
            })
            .RequireAuthorization(Policies.LsgAdmin).DisableAntiforgery().ProducesValidationProblem();
        lsg.MapGet("/meetings", async (LsgQueries q, CancellationToken ct) =>
                Results.Ok((await q.MeetingsAsync(ct)).Select(m => new MeetingDto(m.Id, m.Date, m.Attendees))))
            .RequireAuthorization(Policies.LsgReader).Produces<List<MeetingDto>>();
        lsg.MapPost("/meetings", async (HttpRequest request, ClaimsPrincipal user, LsgRegister register, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<LsgRegister.MeetingRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await register.AddMeetingAsync(user, body.Value!, ct),
                    m => Results.Created($"/api/lsg/meetings/{m.Id}", new MeetingDto(m.Id, m.Date, m.Attendees)));
            })
            .RequireAuthorization(Policies.LsgAdmin).DisableAntiforgery().ProducesValidationProblem();

        var apps = routes.MapGroup("/api/applications").WithTags("LSG");
        apps.MapGet("/{id:guid}/lsg-statements", async (Guid id, ClaimsPrincipal user, GrantsDbContext db, LsgQueries q, CancellationToken ct) =>
                await ApplicationAccess.Visible(db, user).AnyAsync(a => a.Id == id, ct)
                    ? Results.Ok(await q.StatementsAsync(id, ct))
                    : ApiResults.Problem(404, "Hittades inte", "Ansökan finns inte eller tillhör en annan organisation."))
            .RequireAuthorization(Policies.ApplicationReader).Produces<List<StatementDto>>();
        apps.MapPost("/{id:guid}/lsg-statements", async (Guid id, HttpRequest request, ClaimsPrincipal user, RecordStatement handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<RecordStatement.Request>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, id, body.Value!, ct),
                    s => Results.Created($"/api/applications/{id}/lsg-statements/{s.Id}",
                        new StatementDto(s.Id, s.MeetingDate, s.Recommendation, s.Reason, s.Addition, s.Sentence, s.RecordedAt, s.RecordedBy)));
            })
            .RequireAuthorization(Policies.LsgRecorder).DisableAntiforgery().ProducesValidationProblem();
        apps.MapPost("/{id:guid}/lsg-conflicts", async (Guid id, HttpRequest request, ClaimsPrincipal user, DeclareConflict handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<DeclareConflict.Request>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, id, body.Value!, ct),
                    d => Results.Ok(new ConflictDto(d.Id, d.ApplicationId, d.LsgMemberId, d.Reason, d.DeclaredAt)));
            })
            .RequireAuthorization(Policies.LsgMember).DisableAntiforgery().ProducesValidationProblem();
        return routes;
    }
}
