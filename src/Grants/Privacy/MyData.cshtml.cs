using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Privacy;

/// <summary>"Mina uppgifter": any signed-in person downloads what is stored about them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyDataModel(DownloadMyData download) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        await download.ExportAsync(User, ct) is { } json
            ? File(json, "application/json; charset=utf-8", "mina-uppgifter.json")
            : Forbid();
}
