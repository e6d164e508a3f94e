using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Shared;

namespace Grants.Eligibility;

/// <summary>The JSON API: trying the rules on a form, the stored runs, re-running, and programmes/calls.</summary>
public static class EligibilityApi
{
    /// <summary>What a check answers: the findings, any rule that could not be evaluated, and the rule set's version.</summary>
    public sealed record CheckResult(IReadOnlyList<RuleFinding> Findings, IReadOnlyList<RuleError> Errors, bool HasHinder, string RuleSetVersion, IReadOnlyList<RuleFile> RuleFiles);

    public static void MapEligibilityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Bedömningsregler");

        // The same JSON as creating an application; nothing is stored.
        group.MapPost("/eligibility/check", async (HttpRequest request, EligibilityEvaluator evaluator, RuleBook rules, Association.ProfileStore profiles, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ApplicationForm>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var form = body.Value!;
                var errors = ApplicationValidator.Validate(form, await profiles.GetAsync(ct), ValidationMode.Draft);
                if (form.ProgrammeId is { } pid && await evaluator.ProgrammeAsync(pid, ct) is null) errors.Add("programmeId", EligibilityEvaluator.UnknownProgramme);
                if (!errors.IsEmpty) return ApiResults.Validation(errors);
                var e = await evaluator.EvaluateAsync(form, null, ct);
                return Results.Ok(new CheckResult(e.Findings, e.Errors, e.HasHinder, rules.Current.Version, rules.Current.Files));
            })
            .RequireAuthorization(Policies.ApplicationReader)
            .Accepts<ApplicationForm>("application/json")
            .Produces<CheckResult>()
            .ProducesValidationProblem();

        group.MapGet("/applications/{id:guid}/eligibility", async (Guid id, ClaimsPrincipal user, EligibilityQueries q, CancellationToken ct) =>
                await q.RunsAsync(user, id, ct) is { } runs
                    ? Results.Ok(runs)
                    : ApiResults.Problem(404, "Hittades inte", "Ansökan finns inte eller tillhör en annan organisation."))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<List<EligibilityRunDto>>();

        group.MapPost("/applications/{id:guid}/eligibility", async (Guid id, ClaimsPrincipal user, RerunEligibility handler, CancellationToken ct) =>
                ApiResults.From(await handler.HandleAsync(user, id, ct), r => Results.Created($"/api/applications/{id}/eligibility", EligibilityRunDto.From(r))))
            .RequireAuthorization(Policies.Secretariat)
            .Produces<EligibilityRunDto>(201);

        group.MapGet("/programmes", async (EligibilityQueries q, CancellationToken ct) => Results.Ok(await q.ProgrammesAsync(ct)))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<List<Programme>>();

        group.MapPost("/programmes", async (HttpRequest request, ClaimsPrincipal user, SaveProgramme handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ProgrammeInput>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, null, body.Value!, null, ct), p => Results.Created($"/api/programmes/{p.Id}", p));
            })
            .RequireAuthorization(Policies.Secretariat)
            .Accepts<ProgrammeInput>("application/json")
            .Produces<Programme>(201)
            .ProducesValidationProblem();

        group.MapPut("/programmes/{id:guid}", async (Guid id, HttpRequest request, ClaimsPrincipal user, SaveProgramme handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ProgrammeInput>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, id, body.Value!, Concurrency.ExpectedVersion(request), ct), p => Results.Ok(p));
            })
            .RequireAuthorization(Policies.Secretariat)
            .Accepts<ProgrammeInput>("application/json")
            .Produces<Programme>()
            .ProducesValidationProblem();
    }
}
