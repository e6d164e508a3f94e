using System.Security.Claims;
using Grants.Identity;
using Grants.Shared;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>An application's workflow over the API: its timeline, the generic door's permitted steps, and firing one.</summary>
public static class ApplicationWorkflowApi
{
    public sealed record TransitionDto(long Id, string? From, string To, string? Trigger, DateTimeOffset At, string By, string Role, string? Comment);

    public static IEndpointRouteBuilder MapApplicationWorkflowApi(this IEndpointRouteBuilder routes)
    {
        var apps = routes.MapGroup("/api/applications").WithTags("Arbetsflöde");

        apps.MapGet("/{id:guid}/timeline", async (Guid id, ClaimsPrincipal user, ApplicationWorkflowQueries q, CancellationToken ct) =>
                await q.TimelineAsync(user, id, ct) is { } list
                    ? Results.Ok(list)
                    : ApiResults.Problem(404, "Hittades inte", "Ansökan finns inte eller tillhör en annan organisation."))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<List<TimelineDto>>();

        apps.MapGet("/{id:guid}/transitions", async (Guid id, ClaimsPrincipal user, ApplicationWorkflowQueries q, CancellationToken ct) =>
                await q.PermittedAsync(user, id, ct) is { } list
                    ? Results.Ok(list)
                    : ApiResults.Problem(404, "Hittades inte", "Ansökan finns inte eller tillhör en annan organisation."))
            .RequireAuthorization(Policies.ApplicationReader)
            .Produces<List<PermittedTrigger>>();

        apps.MapPost("/{id:guid}/transitions", async (Guid id, HttpRequest request, ClaimsPrincipal user, FireApplicationTrigger handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<FireApplicationTrigger.Request>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var outcome = await handler.HandleAsync(user, id, body.Value!, Concurrency.ExpectedVersion(request), ct);
                return ApiResults.From(outcome, t => Results.Ok(new TransitionDto(t.Id, t.FromState, t.ToState, t.Trigger, t.At, t.UserName, t.Role, t.Comment)));
            })
            .RequireAuthorization(Policies.ApplicationReader)
            .DisableAntiforgery() // API clients authenticate with a bearer token or a SameSite=Strict cookie.
            .Accepts<FireApplicationTrigger.Request>("application/json")
            .Produces<TransitionDto>()
            .ProducesValidationProblem();
        return routes;
    }
}
