using System.Security.Claims;
using Grants.Applications;
using Grants.Identity;
using Grants.Shared;

namespace Grants.Association;

/// <summary>/api/association: the förbund profile (read: any signed-in user; change: Admin).</summary>
public static class AssociationApi
{
    public static void MapAssociationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/association").WithTags("Förbundet");

        group.MapGet("/", async (ProfileStore store, CancellationToken ct) => TypedResults.Ok(await store.GetAsync(ct)))
            .RequireAuthorization(Policies.SignedIn);

        group.MapPut("/", async (HttpRequest request, ClaimsPrincipal user, UpdateProfile handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ProfileRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, body.Value!, ct), p => Results.Ok(p));
            })
            .RequireAuthorization(Policies.Admin)
            .Accepts<ProfileRequest>("application/json")
            .ProducesValidationProblem();
    }
}
