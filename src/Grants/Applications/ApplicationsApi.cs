using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.Extensions.Options;

namespace Grants.Applications;

/// <summary>The JSON API for applications: /api/applications.</summary>
public static class ApplicationsApi
{
    public sealed record RevisionRequest(ApplicationForm Form, string? Comment);

    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/applications").WithTags("Ansökningar");

        group.MapGet("/", async (string? page, string? pageSize, string? status, string? search, ClaimsPrincipal user, ListApplications handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(user, new ApplicationListRequest(page, pageSize, status, search), ct), page => Results.Ok(ApplicationListDto.From(page))))
            .RequireAuthorization(Policies.ApplicationReader)
            .WithDescription($"Sidvis, senast ändrade först: page (från 1), pageSize (1–{ListApplications.MaxPageSize}, standard {ListApplications.DefaultPageSize}), " +
                "status (ett tillstånds nyckel) och search (del av diarienummer eller projektnamn). Svaret har total och länkar till nästa och föregående sida.")
            .Produces<ApplicationListDto>()
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ApplicationQueries q, CancellationToken ct) =>
                await q.GetAsync(user, id, ct) is { } app
                    ? Results.Ok(ApplicationDto.From(app))
                    : ApiResults.Problem(404, "Hittades inte", "Ansökan finns inte eller tillhör en annan organisation."))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<ApplicationDto>();

        group.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, CreateDraft handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ApplicationForm>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var outcome = await handler.HandleAsync(user, body.Value!, ct);
                return ApiResults.From(outcome, a => Results.Created($"/api/applications/{a.Id}", ApplicationDto.From(a)));
            })
            .RequireAuthorization(Policies.ApplicationWriter)
            .Accepts<ApplicationForm>("application/json")
            .Produces<ApplicationDto>(201)
            .ProducesValidationProblem();

        group.MapPut("/{id:guid}", async (Guid id, HttpRequest request, ClaimsPrincipal user, SaveDraft handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ApplicationForm>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var outcome = await handler.HandleAsync(user, id, body.Value!, Concurrency.ExpectedVersion(request), ct);
                return ApiResults.From(outcome, a => Results.Ok(ApplicationDto.From(a)));
            })
            .RequireAuthorization(Policies.ApplicationWriter)
            .Accepts<ApplicationForm>("application/json")
            .Produces<ApplicationDto>()
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/submit", async (Guid id, HttpRequest request, ClaimsPrincipal user, SubmitApplication handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(user, id, Concurrency.ExpectedVersion(request), ct), a => Results.Ok(ApplicationDto.From(a))))
            .RequireAuthorization(Policies.ApplicationWriter)
            .Produces<ApplicationDto>()
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/withdrawal", async (Guid id, HttpRequest request, ClaimsPrincipal user, WithdrawApplication handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<WithdrawApplication.Request>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, id, body.Value!, Concurrency.ExpectedVersion(request), ct), a => Results.Ok(ApplicationDto.From(a)));
            })
            .RequireAuthorization(Policies.ApplicationWriter)
            .DisableAntiforgery() // API clients authenticate with a bearer token or a SameSite=Strict cookie.
            .Accepts<WithdrawApplication.Request>("application/json")
            .Produces<ApplicationDto>()
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/versions", async (Guid id, HttpRequest request, ClaimsPrincipal user, AddRevision handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<RevisionRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var outcome = await handler.HandleAsync(user, id, body.Value!.Form ?? new ApplicationForm(), body.Value.Comment, ct);
                return ApiResults.From(outcome, v => Results.Created($"/api/applications/{id}/versions/{v.Number}",
                    new VersionDto(v.Number, v.CreatedAt, v.CreatedBy, v.CreatedByRole, v.Comment, v.ContentHash)));
            })
            .RequireAuthorization(Policies.ApplicationWriter)
            .Accepts<RevisionRequest>("application/json")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, ClaimsPrincipal user, ApplicationQueries q, CancellationToken ct) =>
                await q.GetAsync(user, id, ct) is { } app && app.Versions.SingleOrDefault(v => v.Number == number) is { } v
                    ? Results.Ok(v.ReadForm())
                    : ApiResults.Problem(404, "Hittades inte", "Versionen finns inte."))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<ApplicationForm>();

        group.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest request, ClaimsPrincipal user, UploadAttachment handler,
                IOptions<AppOptions> options, CancellationToken ct) =>
            {
                var form = await FormBody.ReadAsync(request, "file", options.Value.MaxAttachmentBytes, ct);
                if (!form.IsOk) return ApiResults.From(form, _ => Results.Empty);
                var outcome = await handler.HandleAsync(user, id, form.Value!.Files.GetFile("file"), ct);
                return ApiResults.From(outcome, a => Results.Created($"/api/applications/{id}/attachments/{a.Id}", ApplicationDto.AttachmentDtoOf(a)));
            })
            .RequireAuthorization(Policies.ApplicationWriter)
            .DisableAntiforgery() // API clients authenticate with a bearer token or a SameSite=Strict cookie.
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ClaimsPrincipal user, ApplicationQueries q, CancellationToken ct) =>
                await q.GetAttachmentAsync(user, id, attachmentId, ct) is { Content: { } content } a
                    ? Results.File(content.Data, a.ContentType, a.FileName)
                    : ApiResults.Problem(404, "Hittades inte", "Bilagan finns inte."))
            .RequireAuthorization(Policies.ApplicationReader);

        return group;
    }
}
