using Grants.Identity;
using Microsoft.AspNetCore.Identity;

namespace Grants.Workflow;

/// <summary>"mail-applicant" {template}: mails the subject's contact person, through the outbox in the transition's unit of work.</summary>
public sealed class MailApplicantAction(TemplateMailer mailer) : IEntryActionHandler
{
    public string Key => "mail-applicant";
    public IReadOnlyList<string> RequiredParameters { get; } = ["template"];
    public bool InTransaction => true;

    public Task RunAsync(EntryActionContext c, CancellationToken ct) =>
        c.Subject.ApplicantEmail is { Length: > 0 } email
            ? mailer.EnqueueAsync($"workflow:{Key}:{c.TransitionKey}:{c.Parameters["template"]}", c.Parameters["template"], [email], c.Subject, c.State.ApplicantLabel, ct)
            : Task.CompletedTask;
}

/// <summary>"notify-role" {role, template}: mails every user holding the role.</summary>
public sealed class NotifyRoleAction(TemplateMailer mailer, UserManager<AppUser> users) : IEntryActionHandler
{
    public string Key => "notify-role";
    public IReadOnlyList<string> RequiredParameters { get; } = ["role", "template"];
    public bool InTransaction => true;

    public async Task RunAsync(EntryActionContext c, CancellationToken ct)
    {
        var holders = await users.GetUsersInRoleAsync(c.Parameters["role"]);
        await mailer.EnqueueAsync($"workflow:{Key}:{c.TransitionKey}:{c.Parameters["role"]}:{c.Parameters["template"]}", c.Parameters["template"],
            holders.Select(u => u.Email ?? ""), c.Subject, c.State.StaffLabel, ct);
    }
}

// "create-report-plan" (on entering Beviljad) and "notify-conditions-lapsed" live in FollowUp/FollowUpActions.cs.
