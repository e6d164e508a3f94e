using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Lsg;

[Authorize(Policy = Policies.LsgReader)]
public sealed class IndexModel(LsgQueries queries) : PageModel
{
    public List<QueueItem> Queue { get; private set; } = [];
    public bool CanAdminister => User.IsInRole(Roles.Secretariat) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken ct) => Queue = await queries.QueueAsync(ct);
}
