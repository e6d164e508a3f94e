using System.Security.Claims;
using Grants.Identity;
using Grants.Workflow;

namespace Grants.Applications;

/// <summary>Swedish state labels from the workflow definition: the applicant's wording for Sökande, the staff's otherwise.</summary>
public sealed class StateLabels(WorkflowRegistry registry)
{
    public string For(string state, ClaimsPrincipal user)
    {
        var def = registry.IsLoaded ? registry.CurrentOf(Application.WorkflowKey) : null;
        var s = def?.FindState(state);
        if (s is null) return state;
        return user.IsInRole(Roles.Applicant) && !ApplicationAccess.SeesAll(user) ? s.ApplicantLabel : s.StaffLabel;
    }
}
