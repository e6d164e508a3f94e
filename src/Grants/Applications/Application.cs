using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Shared;

namespace Grants.Applications;

/// <summary>Short names for the two states the record itself knows (see <see cref="ApplicationWorkflow"/> for all).</summary>
public static class ApplicationStates
{
    public const string Draft = ApplicationWorkflow.States.Draft;
    public const string Received = ApplicationWorkflow.States.Received;
}

/// <summary>
/// An ansökan. The aggregate guards its record: a draft may change freely; once received its
/// versions are never overwritten, and a later change is a new version beside the old.
/// </summary>
public sealed class Application : Workflow.IWorkflowSubject
{
    public const string SubjectType = "application";
    public const string WorkflowKey = ApplicationWorkflow.Key;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    /// <summary>The workflow state key (workflows/ansokan.json); changed only through the workflow engine.</summary>
    public string State { get; set; } = ApplicationStates.Draft;
    /// <summary>The ansokan.json version (content hash) this application started under.</summary>
    public string? WorkflowHash { get; set; }
    /// <summary>Last day for the conditions of a conditional grant (set with the decision); a timer fires "villkor-forfallit" after it.</summary>
    public DateOnly? ConditionsDeadline { get; set; }

    /// <summary>The working copy: the draft before submission, the latest version after.</summary>
    public ApplicationForm Form { get; set; } = new();

    public string ProjectName { get; set; } = "";
    public long AmountApplied { get; set; }

    public string? RegistrationNumber { get; set; }
    public int? RegistrationYear { get; set; }
    public int? RegistrationSequence { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    /// <summary>Ankomstdatum in Europe/Stockholm.</summary>
    public DateOnly? ArrivalDate { get; set; }
    /// <summary>A paper application registered by the kansli on the applicant's behalf.</summary>
    public bool RegisteredOnBehalf { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: bumped on every change; a stale write answers 409.</summary>
    public int Version { get; set; }

    public List<ApplicationVersion> Versions { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];

    public bool IsDraft => State == ApplicationStates.Draft;

    /// <summary>The database check behind the invariant "no application beyond utkast without diarienummer and ankomstdatum".</summary>
    public const string RegisteredBeyondDraftSql =
        "\"State\" = '" + ApplicationWorkflow.States.Draft + "' OR (\"RegistrationNumber\" IS NOT NULL AND \"ArrivalDate\" IS NOT NULL)";

    public static Application Start(Guid organisationId, ApplicationForm form, Actor actor, DateTimeOffset now)
    {
        var app = new Application { OrganisationId = organisationId, CreatedAt = now, CreatedBy = actor.Name };
        app.SetForm(form, actor, now);
        return app;
    }

    public void SaveDraft(ApplicationForm form, Actor actor, DateTimeOffset now)
    {
        if (!IsDraft)
            throw new DomainConflictException("Ansökan är inskickad och kan inte längre ändras. En ändring lämnas som en ny version.");
        SetForm(form, actor, now);
    }

    /// <summary>Freezes the form as version 1 and stamps the arrival; the diarienummer follows in <see cref="Register"/>.</summary>
    public void Submit(DateTimeOffset now, DateOnly arrivalDate, Actor actor, bool onBehalf)
    {
        if (!IsDraft || ReceivedAt is not null) throw new DomainConflictException("Ansökan är redan inskickad.");
        ReceivedAt = now;
        ArrivalDate = arrivalDate;
        RegisteredOnBehalf = onBehalf;
        Versions.Add(ApplicationVersion.Of(1, Form, actor, now, onBehalf ? "Pappersansökan registrerad av kansliet" : "Inskickad"));
        Touch(actor, now);
    }

    /// <summary>The diarienummer, given once, inside the transaction that stores the submission.</summary>
    public void Register(string registrationNumber, int year, int sequence)
    {
        if (ReceivedAt is null) throw new DomainConflictException("Ansökan måste skickas in innan den får ett diarienummer.");
        if (RegistrationNumber is not null) throw new DomainConflictException($"Ansökan har redan diarienummer {RegistrationNumber}.");
        RegistrationNumber = registrationNumber;
        RegistrationYear = year;
        RegistrationSequence = sequence;
    }

    /// <summary>A change after submission: kept as the next version; nothing received is overwritten.</summary>
    public ApplicationVersion AddRevision(ApplicationForm form, Actor actor, DateTimeOffset now, string? comment)
    {
        if (IsDraft) throw new DomainConflictException("Ett utkast ändras direkt; nya versioner finns först efter inskickning.");
        var version = ApplicationVersion.Of(Versions.Count + 1, form, actor, now, comment);
        Versions.Add(version);
        SetForm(form, actor, now);
        return version;
    }

    private void SetForm(ApplicationForm form, Actor actor, DateTimeOffset now)
    {
        Form = form;
        ProjectName = form.Project.Name?.Trim() ?? "";
        AmountApplied = form.Totals.AmountApplied;
        Touch(actor, now);
    }

    string Workflow.IWorkflowSubject.SubjectType => SubjectType;
    string Workflow.IWorkflowSubject.SubjectId => Id.ToString();
    string? Workflow.IWorkflowSubject.WorkflowKey => WorkflowHash is null ? null : WorkflowKey;
    string? Workflow.IWorkflowSubject.ApplicantEmail => Form.Organisation.Contact.Email;
    string Workflow.IWorkflowSubject.Title => string.IsNullOrEmpty(RegistrationNumber) ? ProjectName : $"{ProjectName} ({RegistrationNumber})";

    DateOnly? Workflow.IWorkflowSubject.DateField(string name) => name switch
    {
        "conditionsDeadline" => ConditionsDeadline,
        "projectEndDate" => Form.Project.EndDate,
        _ => null,
    };

    void Workflow.IWorkflowSubject.PinWorkflow(string key, string hash) => WorkflowHash = hash;

    /// <summary>Called by the workflow engine only; bumps <see cref="Version"/> so a concurrent fire answers 409.</summary>
    void Workflow.IWorkflowSubject.SetWorkflowState(string state, Actor actor, DateTimeOffset now)
    {
        if (State == state) return; // starting in the state a new draft already has changes nothing
        State = state;
        Touch(actor, now);
    }

    private void Touch(Actor actor, DateTimeOffset now)
    {
        UpdatedAt = now;
        UpdatedBy = actor.Name;
        Version++;
    }
}

/// <summary>A frozen copy of the form as received; its hash makes any later alteration evident.</summary>
public sealed class ApplicationVersion
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public int Number { get; set; }
    public string FormJson { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string CreatedByRole { get; set; } = "";
    public string? Comment { get; set; }

    public ApplicationForm ReadForm() => JsonSerializer.Deserialize<ApplicationForm>(FormJson, FormJsonOptions.Options) ?? new ApplicationForm();

    public static ApplicationVersion Of(int number, ApplicationForm form, Actor actor, DateTimeOffset now, string? comment)
    {
        var json = JsonSerializer.Serialize(form, FormJsonOptions.Options);
        return new ApplicationVersion
        {
            Number = number,
            FormJson = json,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
            CreatedBy = actor.Name,
            CreatedByRole = actor.Role,
            Comment = comment,
        };
    }
}

public static class FormJsonOptions
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
