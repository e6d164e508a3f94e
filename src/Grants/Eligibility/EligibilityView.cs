using Grants.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Eligibility;

/// <summary>Display helpers shared by the eligibility views: level order and labels, and where a finding's field link goes.</summary>
public static class EligibilityView
{
    public static readonly string[] LevelOrder = [FindingLevels.Hinder, FindingLevels.RejectionGround, FindingLevels.Warning, FindingLevels.Condition];

    public static string Heading(string level) => level switch
    {
        FindingLevels.Hinder => "Hinder – ansökan kan inte handläggas",
        FindingLevels.RejectionGround => "Avslagsgrunder",
        FindingLevels.Warning => "Varningar att väga in",
        FindingLevels.Condition => "Villkor för beslutet",
        _ => level,
    };

    /// <summary>The element id on the application form a finding's field (JSON path) points to; list fields go to their first row.</summary>
    public static string Anchor(string jsonPath) => jsonPath switch
    {
        "project.goals" => "Form_Project_Goals_0_",
        "budget" => "Form_Budget_0__Personnel",
        "financing" => "Form_Financing_0__Name",
        "cooperation.members" => "MemberChoices_0__Selected",
        _ => FieldKeys.ElementId(FieldKeys.ToModelKey(jsonPath, "Form")),
    };
}

/// <summary>
/// The rule runs on an application's page: the latest findings (motivations and clauses ready for the decision)
/// and every run with date, who and rule-set version; the kansli may re-run.
/// Include with <c>@await Component.InvokeAsync("ApplicationEligibility", new { applicationId = a.Id })</c>.
/// </summary>
public sealed class ApplicationEligibilityViewComponent(EligibilityQueries queries) : ViewComponent
{
    public sealed record Model(Guid ApplicationId, IReadOnlyList<EligibilityRunDto> Runs, bool CanRerun);

    public async Task<IViewComponentResult> InvokeAsync(Guid applicationId, bool isDraft)
    {
        var runs = await queries.RunsAsync(UserClaimsPrincipal, applicationId, HttpContext.RequestAborted);
        if (runs is null) return Content("");
        return View("/Eligibility/_ApplicationEligibility.cshtml", new Model(applicationId, runs, !isDraft && UserClaimsPrincipal.IsInRole(Identity.Roles.Secretariat)));
    }
}

/// <summary>The programme/call select on the application form. Include with <c>@await Component.InvokeAsync("ProgrammeSelect", new { selected })</c>.</summary>
public sealed class ProgrammeSelectViewComponent(EligibilityQueries queries) : ViewComponent
{
    public sealed record Model(IReadOnlyList<Programme> Programmes, Guid? Selected);

    public async Task<IViewComponentResult> InvokeAsync(Guid? selected) =>
        View("/Eligibility/_ProgrammeSelect.cshtml", new Model(await queries.ProgrammesAsync(HttpContext.RequestAborted), selected));
}
