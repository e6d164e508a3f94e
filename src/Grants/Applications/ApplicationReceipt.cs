using Grants.Association;
using Grants.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// The kvittens owed for one received application: written in the submit transaction, turned into a mail with the
/// application as a PDF by <see cref="ApplicationReceiptStep"/>. A row, not a job, so a restart never loses one.
/// </summary>
public sealed class ApplicationReceipt
{
    public long Id { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when the mail row is written (or when there was no address to write it to).</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    /// <summary>A sweep building the PDF holds the row until then.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    public string Key => $"application-receipt:{ApplicationId}";
}

public sealed class ApplicationReceiptConfiguration : IEntityTypeConfiguration<ApplicationReceipt>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ApplicationReceipt> b)
    {
        b.HasIndex(r => r.ApplicationId).IsUnique();
        b.HasIndex(r => r.QueuedAt);
        b.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Who gets the receipt and what it says; the PDF is the application as received (version 1).</summary>
public static class ApplicationReceipts
{
    public static IReadOnlyList<string> Recipients(Application app) =>
        new[] { app.Form.Organisation.Contact.Email, app.Form.FollowUp.ResponsibleEmail }
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The receipt's text: workflows/mail/kvittens.txt, the förbund's to edit.</summary>
    public const string Template = "kvittens";

    public static (string Subject, string Body) Compose(Workflow.MailTemplates templates, Application app, string associationName, string fileName,
        DateTimeOffset receivedLocal) =>
        templates.Render(Template, new Dictionary<string, string>
        {
            ["forbund"] = associationName,
            ["projekt"] = app.ProjectName,
            ["diarienummer"] = app.RegistrationNumber ?? "",
            ["ankomstdatum"] = receivedLocal.ToString("yyyy-MM-dd"),
            ["ankomsttid"] = receivedLocal.ToString("HH:mm"),
            ["organisation"] = app.Organisation?.Name ?? app.Form.Organisation.Name ?? "",
            ["bilaga"] = fileName,
        });

    /// <summary>The received form as a document, in the same block layout the minutes use (so one DOCX/PDF path serves both).</summary>
    public static DocumentLayout Layout(Application app, ApplicationForm form, AssociationProfile profile, DateTimeOffset receivedLocal)
    {
        var blocks = new List<LayoutBlock>
        {
            new HeadBlock(profile.Name, "Ansökan om medel", $"Diarienummer {app.RegistrationNumber} · ankomstdatum {receivedLocal:yyyy-MM-dd}"),
            new StatusBlock($"Inkommen {receivedLocal:yyyy-MM-dd HH:mm}. Detta är ansökan så som den kom in (version 1).", Draft: false),
        };
        foreach (var section in FormPresenter.Sections(form, profile).Where(s => s.Title != FormPresenter.BudgetTitle))
            blocks.Add(new FactsBlock(section.Title, section.Title,
                section.Lines.Select(l => new FactRow(l.Label, [string.IsNullOrWhiteSpace(l.Value) ? "–" : l.Value])).ToList()));
        var totals = form.Totals;
        var rows = totals.Years.Select(y => new FactRow($"Budgetår {y.Year}",
            [$"Summa kostnader {SwedishIdentifiers.Kronor(y.TotalCosts)}", $"Intäkter {SwedishIdentifiers.Kronor(y.Income)}", $"Nettokostnad {SwedishIdentifiers.Kronor(y.NetCost)}"])).ToList();
        rows.Add(new FactRow("Sökt belopp", [SwedishIdentifiers.Kronor(totals.AmountApplied)]));
        blocks.Add(new FactsBlock(FormPresenter.BudgetTitle, "Budget per år", rows));
        return new DocumentLayout($"Ansökan {app.RegistrationNumber?.Replace('/', '-')}", Draft: false, blocks);
    }
}
