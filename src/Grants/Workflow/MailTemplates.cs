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
/// Mail templates: workflows/mail/NAME.txt. First line "Ämne: ...", a blank line, then the body, with
/// placeholders from <see cref="Placeholders"/>. Every file is checked at start (<see cref="Check"/>).
/// </summary>
public sealed class MailTemplates(WorkflowFolder folder)
{
    /// <summary>Every placeholder some sender fills; a name outside it is a typo that would reach the reader verbatim.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "titel", "status", "forbund", "lank", "diarienummer", "projekt", "kontaktperson", "beslut", "beslutstext",
        "motivering", "villkor", "paragraf", "sammantradesdatum", "utdrag", "bilaga", "belopp", "projekttid",
        "dagar", "sista-dag", "anslag_nedtas", "kommentar", "ankomstdatum", "ankomsttid", "organisation", "justerare",
        "fornamn", "sammantradesdag", "forhinder", "kallelse",
    };

    private const string SubjectPrefix = "Ämne:";

    /// <summary>The problems of every template file, each naming the file; empty when all are sound.</summary>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var dir = System.IO.Path.Combine(folder.Path, "mail");
        if (!Directory.Exists(dir)) return [$"Mappen för e-postmallar '{dir}' finns inte."];
        foreach (var file in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(file);
            var text = File.ReadAllText(file);
            if (!text.StartsWith(SubjectPrefix, StringComparison.Ordinal)) problems.Add($"E-postmallen '{name}' börjar inte med \"{SubjectPrefix}\".");
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"\{([^{}\s]+)\}"))
            {
                if (!Placeholders.Contains(m.Groups[1].Value))
                    problems.Add($"E-postmallen '{name}' har okänd platshållare '{m.Value}' (kända: {string.Join(", ", Placeholders.Order(StringComparer.Ordinal))}).");
            }
        }
        return problems;
    }

    public bool Exists(string name) => IsSafeName(name) && File.Exists(PathOf(name));

    public (string Subject, string Body) Render(string name, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(PathOf(name)).Replace("\r\n", "\n");
        foreach (var (k, v) in values) text = text.Replace("{" + k + "}", v, StringComparison.Ordinal);
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 2)..];
        var subject = head.StartsWith(SubjectPrefix, StringComparison.Ordinal) ? head[SubjectPrefix.Length..].Trim() : head.Trim();
        return (subject, body);
    }

    private string PathOf(string name) => System.IO.Path.Combine(folder.Path, "mail", name + ".txt");
    private static bool IsSafeName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}

/// <summary>Renders a template into an outbox row in the caller's unit of work; the caller's save commits it.</summary>
public sealed class TemplateMailer(MailTemplates templates, MailOutbox outbox, IOptions<AppOptions> app, Association.ProfileStore profiles)
{
    /// <summary>Queues the mail under <paramref name="key"/>: a second call with the same key writes nothing.</summary>
    public async Task EnqueueAsync(string key, string template, IEnumerable<string> recipients, IWorkflowSubject subject, string statusLabel, CancellationToken ct)
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
        await outbox.EnqueueAsync(key, to, subjectLine, body, ct: ct);
    }
}
