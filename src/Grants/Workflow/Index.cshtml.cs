using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Workflow;

[Authorize(Policy = Policies.WorkflowAdmin)]
public sealed class IndexModel(WorkflowQueries queries, WorkflowRegistry registry, CatalogueProvider catalogue) : PageModel
{
    public List<DefinitionVersionDto> Versions { get; private set; } = [];
    public List<WorkflowDefinition> Definitions { get; private set; } = [];
    public Func<string, string> GuardLabel { get; private set; } = key => key;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await queries.VersionsAsync(ct);
        Definitions = registry.Current.Values.OrderBy(d => d.Key).ToList();
        GuardLabel = catalogue.GuardLabels();
    }
}
