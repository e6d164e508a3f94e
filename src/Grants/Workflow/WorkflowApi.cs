using Grants.Identity;
using Grants.Shared;

namespace Grants.Workflow;

/// <summary>Definitions and versions for the kansli/admin (an application's steps: Applications/ApplicationWorkflowApi).</summary>
public static class WorkflowApi
{
    public static IEndpointRouteBuilder MapWorkflowApi(this IEndpointRouteBuilder routes)
    {
        var defs = routes.MapGroup("/api/workflows").WithTags("Arbetsflöde");
        defs.MapGet("/versions", async (WorkflowQueries q, CancellationToken ct) => Results.Ok(await q.VersionsAsync(ct)))
            .RequireAuthorization(Policies.WorkflowAdmin)
            .Produces<List<DefinitionVersionDto>>();
        defs.MapGet("/{key}/diagram", async (string key, string? hash, WorkflowRegistry registry, IWorkflowEngine engine, CancellationToken ct) =>
                registry.Current.ContainsKey(key)
                    ? Results.Text(await engine.DiagramAsync(key, hash, null, ct), "text/plain; charset=utf-8")
                    : ApiResults.Problem(404, "Hittades inte", $"Arbetsflödet '{key}' finns inte."))
            .RequireAuthorization(Policies.WorkflowAdmin);
        return routes;
    }
}
