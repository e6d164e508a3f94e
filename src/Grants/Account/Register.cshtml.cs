using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Account;

/// <summary>Self-registration of an applicant; the same answer whether or not the address has an account.</summary>
[AllowAnonymous]
public sealed class RegisterModel(ApplicantRegistration registration) : PageModel
{
    public sealed class RegisterInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? Confirm { get; set; }
        public string? OrganisationNumber { get; set; }
        public string? OrganisationName { get; set; }
    }

    [BindProperty] public RegisterInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await registration.RegisterAsync(new ApplicantRegistration.Request(Input.Name, Input.Email, Input.Password, Input.Confirm,
            Input.OrganisationNumber, Input.OrganisationName), ct);
        if (!outcome.IsOk)
        {
            FieldKeys.CopyTo(outcome.Errors, ModelState, nameof(Input));
            return Page();
        }
        Sent = true;
        return Page();
    }
}
