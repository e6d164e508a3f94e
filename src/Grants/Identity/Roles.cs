using System.Security.Claims;

namespace Grants.Identity;

/// <summary>The five roles. Stored names are the Swedish ones users see.</summary>
public static class Roles
{
    public const string Applicant = "Sökande";
    public const string Lsg = "LSG";
    public const string Secretariat = "Kansli";
    public const string Board = "Styrelse";
    public const string Admin = "Admin";

    public static readonly string[] All = [Applicant, Lsg, Secretariat, Board, Admin];

    /// <summary>The förbund's own people: invited by an Admin, second factor required.</summary>
    public static readonly string[] Staff = [Secretariat, Lsg, Board, Admin];

    /// <summary>The role recorded on a change when a user holds several: the most privileged.</summary>
    public static string PrimaryRole(ClaimsPrincipal user) =>
        new[] { Admin, Secretariat, Board, Lsg, Applicant }.FirstOrDefault(user.IsInRole) ?? "";
}

public static class GrantsClaims
{
    public const string Organisation = "grants:organisation";
    public const string DisplayName = "grants:name";

    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Organisation), out var id) ? id : null;
}

/// <summary>Named authorisation policies; every page and endpoint names one.</summary>
public static class Policies
{
    /// <summary>A Sökande bound to an organisation.</summary>
    public const string Applicant = "Applicant";
    /// <summary>Anyone who may read applications: Sökande (own only), Kansli, LSG, Styrelse.</summary>
    public const string ApplicationReader = "ApplicationReader";
    /// <summary>Applicant or Kansli: may create and edit applications (applicant: own only).</summary>
    public const string ApplicationWriter = "ApplicationWriter";
    public const string Secretariat = "Secretariat";
    public const string Admin = "Admin";
    /// <summary>Sees the LSG queue, members and meetings: LSG, Kansli, Admin.</summary>
    public const string LsgReader = "LsgReader";
    /// <summary>Records the LSG statement: LSG members (jäv checked) or the Kansli on the LSG's behalf.</summary>
    public const string LsgRecorder = "LsgRecorder";
    /// <summary>An LSG member: may declare jäv.</summary>
    public const string LsgMember = "LsgMember";
    /// <summary>Keeps the LSG's members and meetings: Kansli, Admin.</summary>
    public const string LsgAdmin = "LsgAdmin";
    /// <summary>Workflow definitions, versions and diagrams: Kansli, Admin.</summary>
    public const string WorkflowAdmin = "WorkflowAdmin";
    /// <summary>Reads whole minutes (print view, DOCX, PDF): Kansli, Styrelse, Admin.</summary>
    public const string MinutesReader = "MinutesReader";
    /// <summary>Downloads a protokollsutdrag: Kansli, Styrelse, Admin, and a Sökande for the own application's decision only.</summary>
    public const string MinutesExtractReader = "MinutesExtractReader";
    /// <summary>Reads the förbund's economy (budget years, commitments, payments, the room): Kansli, Styrelse, Admin. Never Sökande.</summary>
    public const string EconomyReader = "EconomyReader";
    /// <summary>Keeps the economy (budgets, actuals, commitments, payments, releases, closing a year): Kansli.</summary>
    public const string EconomyWriter = "EconomyWriter";
    /// <summary>Reads reports, plans and conditions: Sökande (own organisation only), Kansli, LSG, Styrelse, Admin.</summary>
    public const string FollowUpReader = "FollowUpReader";
    /// <summary>Hands in reports and reports condition outcomes: Sökande (own only) or the Kansli on its behalf.</summary>
    public const string ReportWriter = "ReportWriter";
    /// <summary>Reviews handed-in reports (godkänd / komplettering): Kansli or LSG.</summary>
    public const string ReportReviewer = "ReportReviewer";
    /// <summary>Changes report plans and confirms conditions: Kansli.</summary>
    public const string FollowUpAdmin = "FollowUpAdmin";
    /// <summary>The follow-up overview and its exports: Kansli, Admin.</summary>
    public const string FollowUpOverview = "FollowUpOverview";
    /// <summary>Reads the board's meetings, agendas, minutes and decisions: Styrelse, Kansli, Admin.</summary>
    public const string BoardReader = "BoardReader";
    /// <summary>Keeps the board, its meetings, agendas, decisions and § numbering: Kansli.</summary>
    public const string MeetingAdmin = "MeetingAdmin";
    /// <summary>Justering: a Styrelse member signs for themselves; the Kansli registers a signed paper.</summary>
    public const string MinutesSigner = "MinutesSigner";
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = "SignedIn";
}
