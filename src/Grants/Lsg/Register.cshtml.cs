using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Grants.Lsg;

[Authorize(Policy = Policies.LsgAdmin)]
public sealed class RegisterModel(LsgQueries queries, LsgRegister register, ProfileStore profiles) : PageModel
{
    public List<LsgMember> Members { get; private set; } = [];
    public List<LsgMeeting> Meetings { get; private set; } = [];
    public AssociationProfile Profile { get; private set; } = new();

    public string MemberName(string key) => Profile.FindMember(key)?.Name ?? key;
    public string AttendeeName(Guid id) => Members.FirstOrDefault(m => m.Id == id)?.Name ?? "(okänd)";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostMemberAsync(string? name, string? memberKey, string? email, CancellationToken ct) =>
        await Handle(await register.AddMemberAsync(User, new LsgRegister.MemberRequest(name, memberKey, email), ct), "Ledamoten är tillagd.", ct);

    public async Task<IActionResult> OnPostMeetingAsync(DateOnly? date, List<Guid>? attendees, CancellationToken ct) =>
        await Handle(await register.AddMeetingAsync(User, new LsgRegister.MeetingRequest(date, attendees), ct), "Sammanträdet är sparat.", ct);

    private async Task<IActionResult> Handle<T>(Outcome<T> outcome, string done, CancellationToken ct)
    {
        if (outcome.IsOk)
        {
            TempData["Message"] = done;
            return Redirect("/Lsg/Register");
        }
        foreach (var (field, messages) in outcome.Errors.All) foreach (var m in messages) ModelState.AddModelError(field, m);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Profile = await profiles.GetAsync(ct);
        Members = await queries.MembersAsync(ct);
        Meetings = await queries.MeetingsAsync(ct);
    }
}
