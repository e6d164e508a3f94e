using Grants.Association;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Workflow;
using Microsoft.Extensions.Options;

namespace Grants.FollowUp;

/// <summary>
/// Follow-up mails from the förbund's template files (workflows/mail/*.txt), written to the outbox in the
/// caller's unit of work under an idempotency key: the same reminder is never queued twice.
/// </summary>
public sealed class FollowUpMailer(MailOutbox outbox, MailTemplates templates, ProfileStore profiles, IOptions<AppOptions> app)
{
    public string Link(string path) => app.Value.PublicBaseUrl.TrimEnd('/') + path;

    public async Task<bool> EnqueueAsync(string key, string template, IEnumerable<string> to, IEnumerable<string>? cc,
        IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var all = new Dictionary<string, string>(values) { ["forbund"] = profile.Name };
        var (subject, body) = templates.Render(template, all);
        return await outbox.EnqueueAsync(key, to, subject, body, cc, ct: ct);
    }
}
