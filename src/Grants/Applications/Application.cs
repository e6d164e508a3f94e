using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Shared;

namespace Grants.Applications;

public static class ApplicationStates
{
    public const string Draft = "utkast";
    public const string Received = "inkommen";
}

/// <summary>
/// An ansökan. The aggregate guards its record: a draft may change freely; once received its
/// versions are never overwritten, and a later change is a new version beside the old.
/// </summary>
public sealed class Application
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string State { get; set; } = ApplicationStates.Draft;

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

    public void Submit(string registrationNumber, int year, int sequence, DateTimeOffset now, DateOnly arrivalDate, Actor actor, bool onBehalf)
    {
        if (!IsDraft) throw new DomainConflictException("Ansökan är redan inskickad.");
        RegistrationNumber = registrationNumber;
        RegistrationYear = year;
        RegistrationSequence = sequence;
        ReceivedAt = now;
        ArrivalDate = arrivalDate;
        RegisteredOnBehalf = onBehalf;
        State = ApplicationStates.Received;
        Versions.Add(ApplicationVersion.Of(1, Form, actor, now, onBehalf ? "Pappersansökan registrerad av kansliet" : "Inskickad"));
        Touch(actor, now);
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
