using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>The JSON API for follow-up: /api/follow-up.</summary>
public static class FollowUpApi
{
    public static RouteGroupBuilder MapFollowUpApi(this IEndpointRouteBuilder routes)
    {
        var g = routes.MapGroup("/api/follow-up").WithTags("Återrapportering");

        g.MapGet("/projects/{applicationId:guid}", async (Guid applicationId, ClaimsPrincipal user, FollowUpQueries q, CancellationToken ct) =>
                await q.ProjectAsync(user, applicationId, ct) is { } p ? Results.Ok(p) : NotFound())
            .RequireAuthorization(Policies.FollowUpReader).Produces<ProjectDto>();

        g.MapGet("/reports", async (ClaimsPrincipal user, FollowUpQueries q, CancellationToken ct) =>
                Results.Ok((await q.ReportsAsync(user, ct)).Select(r => q.Dto(r.Report))))
            .RequireAuthorization(Policies.FollowUpReader).Produces<List<ReportDto>>();

        g.MapGet("/reports/{id:guid}/versions/{number:int}", async (Guid id, int number, ClaimsPrincipal user, Infrastructure.GrantsDbContext db, CancellationToken ct) =>
                await FollowUpAccess.ReportAsync(db, user, id, ct) is var (report, _) && report.Versions.FirstOrDefault(v => v.Number == number) is { } v
                    ? Results.Ok(new { v.Number, v.SubmittedAt, v.SubmittedBy, v.SubmittedByRole, v.ContentHash, Form = ReportJson.Read(v) })
                    : NotFound())
            .RequireAuthorization(Policies.FollowUpReader);

        g.MapPost("/reports/{id:guid}/submit", async (Guid id, HttpRequest request, ClaimsPrincipal user, SubmitReport handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ReportForm>(request, ReportJson.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, id, body.Value!, Concurrency.ExpectedVersion(request), ct), r => Results.Ok(new { r.Id, r.State, Versions = r.Versions.Count, r.Version }));
            })
            .RequireAuthorization(Policies.ReportWriter).DisableAntiforgery().ProducesValidationProblem();

        g.MapPost("/reports/{id:guid}/review", async (Guid id, HttpRequest request, ClaimsPrincipal user, ReviewReport handler, CancellationToken ct) =>
                await Body<ReviewReport.Request>(request, ct, async body => ApiResults.From(await handler.HandleAsync(user, id, body, ct), r => Results.Ok(new { r.Id, r.State, r.DueDate, r.Version }))))
            .RequireAuthorization(Policies.ReportReviewer).DisableAntiforgery().ProducesValidationProblem();

        g.MapPut("/reports/{id:guid}/due-date", async (Guid id, HttpRequest request, ClaimsPrincipal user, ChangePlan handler, CancellationToken ct) =>
                await Body<ChangePlan.DueDateRequest>(request, ct, async body => ApiResults.From(await handler.MoveAsync(user, id, body, ct), r => Results.Ok(new { r.Id, r.DueDate, r.Version }))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapPost("/reports/{id:guid}/skip", async (Guid id, HttpRequest request, ClaimsPrincipal user, ChangePlan handler, CancellationToken ct) =>
                await Body<ChangePlan.SkipRequest>(request, ct, async body => ApiResults.From(await handler.SkipAsync(user, id, body, ct), r => Results.Ok(new { r.Id, Skipped = true, r.Version }))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapPost("/projects/{applicationId:guid}/reports", async (Guid applicationId, HttpRequest request, ClaimsPrincipal user, ChangePlan handler, CancellationToken ct) =>
                await Body<ChangePlan.ExtraReportRequest>(request, ct, async body => ApiResults.From(await handler.AddAsync(user, applicationId, body, ct), r => Results.Created($"/api/follow-up/projects/{applicationId}", new { r.Id, r.Kind, r.DueDate }))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapPut("/projects/{applicationId:guid}/period", async (Guid applicationId, HttpRequest request, ClaimsPrincipal user, ChangePlan handler, CancellationToken ct) =>
                await Body<ChangePlan.PeriodRequest>(request, ct, async body => ApiResults.From(await handler.PeriodAsync(user, applicationId, body, ct), p => Results.Ok(new { p.ProjectStart, p.ProjectEnd, p.Version }))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapPut("/projects/{applicationId:guid}/responsible", async (Guid applicationId, HttpRequest request, ClaimsPrincipal user, ChangePlan handler, CancellationToken ct) =>
                await Body<ChangePlan.ResponsibleRequest>(request, ct, async body => ApiResults.From(await handler.ResponsibleAsync(user, applicationId, body, ct), p => Results.Ok(new { p.ResponsibleName, p.ResponsibleEmail, p.Version }))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapPost("/conditions/{id:guid}/outcome", async (Guid id, HttpRequest request, ClaimsPrincipal user, ReportConditionOutcome handler,
                IOptions<AppOptions> options, CancellationToken ct) =>
            {
                var read = await FormBody.ReadAsync(request, "evidence", options.Value.MaxAttachmentBytes, ct);
                if (!read.IsOk) return ApiResults.From(read, _ => Results.Empty);
                var form = read.Value!;
                ConditionOutcome? outcome = Enum.TryParse<ConditionOutcome>(form["outcome"], ignoreCase: false, out var o) && Enum.IsDefined(o) ? o : null;
                return ApiResults.From(await handler.HandleAsync(user, id, outcome, form["comment"], form.Files.GetFile("evidence"), ct), c => Results.Ok(FollowUpQueries.Dto(c)));
            })
            .RequireAuthorization(Policies.ReportWriter).DisableAntiforgery().ProducesValidationProblem();

        g.MapPost("/conditions/{id:guid}/confirm", async (Guid id, HttpRequest request, ClaimsPrincipal user, ConfirmCondition handler, CancellationToken ct) =>
                await Body<ConfirmCondition.Request>(request, ct, async body => ApiResults.From(await handler.HandleAsync(user, id, body, ct), c => Results.Ok(FollowUpQueries.Dto(c)))))
            .RequireAuthorization(Policies.FollowUpAdmin).DisableAntiforgery().ProducesValidationProblem();

        g.MapGet("/overview", async (FollowUpQueries q, CancellationToken ct) => Results.Ok(await q.OverviewAsync(ct)))
            .RequireAuthorization(Policies.FollowUpOverview).Produces<List<OverviewRow>>();
        g.MapGet("/overview.csv", async (FollowUpQueries q, CancellationToken ct) =>
                Results.File(FollowUpQueries.Sheet(await q.OverviewAsync(ct)).ToCsv(), Spreadsheet.CsvContentType, "uppfoljning.csv"))
            .RequireAuthorization(Policies.FollowUpOverview);
        g.MapGet("/overview.xlsx", async (FollowUpQueries q, CancellationToken ct) =>
                Results.File(FollowUpQueries.Sheet(await q.OverviewAsync(ct)).ToXlsx(), Spreadsheet.XlsxContentType, "uppfoljning.xlsx"))
            .RequireAuthorization(Policies.FollowUpOverview);
        return g;
    }

    private static async Task<IResult> Body<TBody>(HttpRequest request, CancellationToken ct, Func<TBody, Task<IResult>> handle) where TBody : class
    {
        var body = await JsonBody.ReadAsync<TBody>(request, ReportJson.Options, ct);
        return body.IsOk ? await handle(body.Value!) : ApiResults.From(body, _ => Results.Empty);
    }

    private static IResult NotFound() => ApiResults.Problem(404, "Hittades inte", "Uppföljningen finns inte eller tillhör en annan organisation.");
}
