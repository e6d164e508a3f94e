using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Applications;

[Authorize(Policy = Policies.ApplicationReader)]
public sealed class IndexModel(ApplicationQueries queries) : PageModel
{
    public List<ApplicationSummaryDto> Rows { get; private set; } = [];
    public bool CanCreate => ApplicationAccess.MayWrite(User);
    public bool IsSecretariat => User.IsInRole(Roles.Secretariat);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await queries.ListAsync(User, ct);
}
