using Grants.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Meetings;

/// <summary>The kallelse's preview step: every recipient's mail as it will go out, then one button to send them all.</summary>
[Authorize(Policy = Policies.MeetingAdmin)]
public sealed class NoticeModel(SendNotice notice, MeetingQueries queries, IAuthorizationService authorization) : MeetingPageModel(authorization)
{
    private SendNotice.Preview? _preview;
    private MeetingDto? _meeting;
    public SendNotice.Preview Preview => _preview ?? throw new InvalidOperationException("The preview is read in LoadAsync.");
    public MeetingDto Meeting => _meeting ?? throw new InvalidOperationException("The meeting is read in LoadAsync.");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await notice.HandleAsync(User, id, ct);
        if (outcome is { IsOk: true, Value: { } meeting })
        {
            var delivery = await notice.DeliverNowAsync(id, meeting.NoticesSent, ct);
            return Done(delivery.Sent == delivery.Total
                ? $"Kallelsen är skickad: {delivery.Total} mejl, ett till varje ledamot och ersättare."
                : $"{delivery.Sent} av {delivery.Total} mejl är skickade. Resten ligger kvar i utskickskön och skickas så snart e-postservern svarar.",
                $"/Meetings/Meeting/{id}");
        }
        var failed = Failed(outcome);
        if (!await LoadAsync(id, ct)) return NotFound();
        return failed!;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        await ResolveRightsAsync();
        _meeting = await queries.GetAsync(id, ct);
        _preview = await notice.PreviewAsync(id, ct);
        return _meeting is not null && _preview is not null;
    }
}
