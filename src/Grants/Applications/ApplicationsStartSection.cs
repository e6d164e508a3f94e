using System.Security.Claims;
using Grants.Identity;
using Grants.Start;

namespace Grants.Applications;

/// <summary>
/// The start page's applications: for a Sökande the own organisation's applications with status in plain words
/// and what to do next; for the kansli the cases to prepare.
/// </summary>
public sealed class ApplicationsStartSection(ApplicationQueries queries, StateLabels labels) : IStartSection
{
    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Secretariat)) return await SecretariatAsync(user, ct);
        if (!user.IsInRole(Roles.Applicant)) return null;
        var rows = await queries.ListAsync(user, ct);
        var tasks = rows
            .Where(r => r.State is not (ApplicationStates.Closed or ApplicationStates.Withdrawn))
            .Select(r =>
            {
                var next = NextSteps.ForApplicant(r.State, r.Id);
                var status = labels.For(r.State, user);
                var detail = $"{(r.RegistrationNumber is { } nr ? nr + " · " : "")}Status: {status}. {next.Text}";
                return (Must: next.ApplicantMustAct, Task: new StartTask(Title(r), $"/Applications/Details/{r.Id}", detail, Urgent: next.ApplicantMustAct));
            })
            .OrderByDescending(t => t.Must).Select(t => t.Task).ToList();
        return new StartSection(10, "Mina ansökningar", tasks, "Din organisation har inga ansökningar ännu.",
            "/Applications/Edit", "Starta en ny ansökan");
    }

    private async Task<StartSection> SecretariatAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await queries.ListAsync(user, ct);
        var tasks = rows
            .Select(r => (Row: r, Next: NextSteps.ForSecretariat(r.State, r.Id)))
            .Where(x => x.Next is not null)
            .OrderBy(x => x.Row.ArrivalDate ?? DateOnly.MaxValue)
            .Select(x => new StartTask(Title(x.Row), $"/Applications/Details/{x.Row.Id}",
                $"{x.Row.RegistrationNumber} · {x.Row.OrganisationName} · {labels.For(x.Row.State, user)}. {x.Next?.Text}", x.Row.ArrivalDate))
            .ToList();
        return new StartSection(10, "Ärenden att bereda", tasks, "Inga ärenden väntar på kansliet.", "/Applications", "Alla ansökningar");
    }

    private static string Title(ApplicationSummaryDto r) => string.IsNullOrEmpty(r.ProjectName) ? "(namnlöst utkast)" : r.ProjectName;
}
