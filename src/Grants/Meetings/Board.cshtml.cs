using Grants.Association;
using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Meetings;

[Authorize(Policy = Policies.BoardReader)]
public sealed class BoardModel(BoardRegister register, ProfileStore profiles, IAuthorizationService authorization) : MeetingPageModel(authorization)
{
    public List<BoardMember> Members { get; private set; } = [];
    public AssociationProfile Profile { get; private set; } = new();

    [BindProperty] public BoardRegister.MemberRequest New { get; set; } = new(null, null, null, null, null, null, null, null);

    public string MemberName(string? key) => key is null ? "" : Profile.FindMember(key)?.Name ?? key;
    public string NameOf(Guid? id) => Members.FirstOrDefault(m => m.Id == id)?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MayAsync(Policies.MeetingAdmin)) return Forbid();
        var outcome = await register.AddAsync(User, New, ct);
        await LoadAsync(ct);
        return Failed(outcome, "New") ?? Done($"{outcome.Value!.Name} är tillagd.", "/Meetings/Board");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await ResolveRightsAsync();
        Profile = await profiles.GetAsync(ct);
        Members = await register.MembersAsync(ct);
    }
}
