using Microsoft.AspNetCore.Mvc;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>
/// The workflow box on an application's page: status, diagram with the current state marked, the steps
/// the user may take, and the timeline. Include with
/// <c>@await Component.InvokeAsync("ApplicationWorkflow", new { applicationId = a.Id })</c>.
/// </summary>
public sealed class ApplicationWorkflowViewComponent(ApplicationWorkflowQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId)
    {
        var view = await queries.ApplicationViewAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted);
        return view is null ? Content("") : View("/Applications/_ApplicationWorkflow.cshtml", view);
    }
}
