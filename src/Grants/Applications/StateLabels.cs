using System.Security.Claims;
using Grants.Identity;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>Swedish state labels from the workflow definition: the applicant's wording for Sökande, the staff's otherwise.</summary>
public sealed class StateLabels(WorkflowRegistry registry)
{
    public string For(string state, ClaimsPrincipal user)
    {
        var s = Definition()?.FindState(state);
        if (s is null) return state;
        return ForApplicant(user) ? s.ApplicantLabel : s.StaffLabel;
    }

    /// <summary>
    /// The status filter's choices for this user: one per label, valued by the first state carrying it. A Sökande's
    /// labels merge internal states ("Under handläggning"), so its choices are the merged ones.
    /// </summary>
    public IReadOnlyList<(string State, string Label)> FilterOptions(ClaimsPrincipal user) =>
        (Definition()?.States ?? [])
            .GroupBy(s => ForApplicant(user) ? s.ApplicantLabel : s.StaffLabel)
            .Select(g => (g.First().Key, g.Key))
            .ToList();

    /// <summary>
    /// The states a status filter on <paramref name="state"/> selects, or null when no such state exists. For a Sökande
    /// every state with the same applicant label, so the filter reveals no more than the list already shows.
    /// </summary>
    public IReadOnlyList<string>? Matching(string state, ClaimsPrincipal user)
    {
        var def = Definition();
        var s = def?.FindState(state);
        if (def is null || s is null) return null;
        return ForApplicant(user)
            ? def.States.Where(x => x.ApplicantLabel == s.ApplicantLabel).Select(x => x.Key).ToList()
            : [s.Key];
    }

    /// <summary>Every state of the applications workflow, in the definition's order.</summary>
    public IReadOnlyList<string> States() => Definition()?.States.Select(s => s.Key).ToList() ?? [];

    private WorkflowDefinition? Definition() => registry.IsLoaded ? registry.CurrentOf(Application.WorkflowKey) : null;

    private static bool ForApplicant(ClaimsPrincipal user) => user.IsInRole(Roles.Applicant) && !ApplicationAccess.SeesAll(user);
}
