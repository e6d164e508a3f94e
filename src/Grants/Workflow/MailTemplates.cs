using Grants.Infrastructure;
using Grants.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Grants.Workflow;

/// <summary>Settings under "Workflow".</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>Folder with the *.json definitions and mail/*.txt templates, relative to the content root;
    /// when it does not exist the copy in the build output (workflows/) is used.</summary>
    public string DefinitionsFolder { get; set; } = "../../workflows";
}

/// <summary>Where the definitions and mail templates are read from.</summary>
public sealed class WorkflowFolder(IOptions<WorkflowOptions> options, IHostEnvironment env)
{
    public string Path { get; } = Resolve(options.Value.DefinitionsFolder, env.ContentRootPath);

    public static string Resolve(string configured, string contentRoot)
    {
        var primary = System.IO.Path.GetFullPath(configured, contentRoot);
        if (Directory.Exists(primary)) return primary;
        var fallback = System.IO.Path.Combine(AppContext.BaseDirectory, "workflows");
        return Directory.Exists(fallback)
            ? fallback
            : throw new WorkflowDefinitionException($"Workflow:DefinitionsFolder: mappen '{primary}' finns inte (och ingen kopia i '{fallback}').");
    }
}

/// <summary>
/// Mail templates: workflows/mail/NAME.txt. First line "Ämne: ...", a blank line, then the body.
/// Placeholders: {titel}, {status}, {forbund}, {lank}.
/// </summary>
public sealed class MailTemplates(WorkflowFolder folder)
{
    public bool Exists(string name) => IsSafeName(name) && File.Exists(PathOf(name));

    public (string Subject, string Body) Render(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(PathOf(name)).Replace("\r\n", "\n");
        foreach (var (k, v) in values) text = text.Replace("{" + k + "}", v, StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        const string prefix = "Ämne:";
        var subject = head.StartsWith(prefix, StringComparison.Ordinal) ? head[prefix.Length..].Trim() : head.Trim();
        return (subject, body);
    }

    private string PathOf(string name) => System.IO.Path.Combine(folder.Path, "mail", name + ".txt");
    private static bool IsSafeName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

/// <summary>Builds and sends a templated mail through <see cref="IMailSender"/>.</summary>
public sealed class TemplateMailer(MailTemplates templates, IMailSender sender, IOptions<AppOptions> app, Association.ProfileStore profiles)
{
    public async Task SendAsync(string template, IEnumerable<string> recipients, IWorkflowSubject subject, string statusLabel, CancellationToken ct)
    {
        var to = recipients.Where(r => MailboxAddress.TryParse(r, out _)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (to.Count == 0) return;
        var profile = await profiles.GetAsync(ct);
        var link = subject.SubjectType == Applications.Application.SubjectType
            ? $"{app.Value.PublicBaseUrl.TrimEnd('/')}/Applications/Details/{subject.SubjectId}"
            : app.Value.PublicBaseUrl;
        var (subjectLine, body) = templates.Render(template, new Dictionary<string, string>
        {
            ["titel"] = subject.Title,
            ["status"] = statusLabel,
            ["forbund"] = profile.Name,
            ["lank"] = link,
        });
        var message = new MimeMessage { Subject = subjectLine, Body = new TextPart("plain") { Text = body } };
        foreach (var r in to) message.To.Add(MailboxAddress.Parse(r));
        await sender.SendAsync(message, ct);
    }
}
