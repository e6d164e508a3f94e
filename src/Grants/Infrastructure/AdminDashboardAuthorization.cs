using Grants.Identity;
using Hangfire.Dashboard;

namespace Grants.Infrastructure;

/// <summary>The Hangfire dashboard shows failed mail sends and jobs: Admin only.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
