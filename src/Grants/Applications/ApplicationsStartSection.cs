using System.Security.Claims;
using Grants.Identity;
using Grants.Start;

namespace Grants.Applications;

/// <summary>
/// The start page's applications: for a Sökande the own organisation's applications with status in plain words
/// and what to do next; for the kansli the cases to prepare. At most <see cref="Limit"/> of each, so the start page
/// stays small however many applications are stored; the rest are in the paged list.
/// </summary>
public sealed class ApplicationsStartSection(ApplicationQueries queries, StateLabels labels) : IStartSection
{
    public const int Limit = 20;

    public async Task<StartSection?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Secretariat)) return await SecretariatAsync(user, ct);
        if (!user.IsInRole(Roles.Applicant)) return null;
        var open = labels.States().Where(s => s is not (ApplicationStates.Closed or ApplicationStates.Withdrawn)).ToList();
        // The ones the applicant must act on first, then the latest changed of the rest.
        var mustAct = open.Where(s => NextSteps.ForApplicant(s, Guid.Empty).ApplicantMustAct).ToList();
        var (urgent, urgentTotal) = await queries.InStatesAsync(user, mustAct, byArrival: false, Limit, ct);
        var (others, othersTotal) = await queries.InStatesAsync(user, open.Except(mustAct).ToList(), byArrival: false, Limit - urgent.Count, ct);
        var tasks = urgent.Concat(others)
            .Select(r =>
            {
                var next = NextSteps.ForApplicant(r.State, r.Id);
                var detail = $"{(r.RegistrationNumber is { } nr ? nr + " · " : "")}Status: {labels.For(r.State, user)}. {next.Text}";
                return new StartTask(Title(r), $"/Applications/Details/{r.Id}", detail, Urgent: next.ApplicantMustAct);
            })
            .ToList();
        return new StartSection(10, "Mina ansökningar", tasks, "Din organisation har inga ansökningar ännu.",
            "/Applications/Edit", "Starta en ny ansökan", Shown(tasks.Count, urgentTotal + othersTotal));
    }

    private async Task<StartSection> SecretariatAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var waiting = labels.States().Where(s => NextSteps.ForSecretariat(s, Guid.Empty) is not null).ToList();
        var (rows, total) = await queries.InStatesAsync(user, waiting, byArrival: true, Limit, ct);
        var tasks = rows
            .Select(r => new StartTask(Title(r), $"/Applications/Details/{r.Id}",
                $"{r.RegistrationNumber} · {r.OrganisationName} · {labels.For(r.State, user)}. {NextSteps.ForSecretariat(r.State, r.Id)?.Text}", r.ArrivalDate))
            .ToList();
        return new StartSection(10, "Ärenden att bereda", tasks, "Inga ärenden väntar på kansliet.", "/Applications", "Alla ansökningar",
            Shown(tasks.Count, total));
    }

    private static string? Shown(int shown, int total) =>
        shown < total ? $"Här visas {shown} av {total}. Alla finns under Ansökningar, där du kan söka och filtrera." : null;

    private static string Title(ApplicationSummaryDto r) => string.IsNullOrEmpty(r.ProjectName) ? "(namnlöst utkast)" : r.ProjectName;
}
