namespace Grants.Applications;

/// <summary>What happens next with an application, in plain words: what the applicant must do (if anything) and where.</summary>
public sealed record NextStep(string Text, string? Href = null, string? LinkText = null, bool ApplicantMustAct = false);

/// <summary>
/// The applicant's and the kansli's next step for each state of workflows/ansokan.json. Kept beside the state
/// constants rather than in the definition: the wording is the product's, and a state missing here falls back
/// to "nothing to do now".
/// </summary>
public static class NextSteps
{
    public static NextStep ForApplicant(string state, Guid id) => state switch
    {
        ApplicationStates.Draft => new("Fyll i det som saknas och skicka in ansökan.", $"/Applications/Edit/{id}", "Fortsätt med utkastet", true),
        ApplicationStates.CompletionRequested => new("Kansliet har bett om en komplettering. Lämna en ny version av ansökan.", $"/Applications/Edit/{id}", "Komplettera ansökan", true),
        ApplicationStates.Received or ApplicationStates.InPreparation =>
            new("Inget just nu. Kansliet går igenom ansökan och lämnar den sedan till lokala samverkansgruppen (LSG)."),
        ApplicationStates.WithLsg => new("Inget just nu. Lokala samverkansgruppen (LSG) läser ansökan och lämnar sitt yttrande till styrelsen."),
        ApplicationStates.Recommended or ApplicationStates.AdvisedAgainst or ApplicationStates.ReferredBack =>
            new("Inget just nu. Kansliet förbereder ärendet till styrelsens nästa sammanträde."),
        ApplicationStates.OnAgenda or ApplicationStates.Tabled => new("Inget just nu. Styrelsen behandlar ansökan. Beslutet kommer med e-post när protokollet är justerat."),
        ApplicationStates.ConditionallyGranted => new("Visa att villkoren är uppfyllda (till exempel medfinansieringen) före sista dagen.", $"/FollowUp/Project/{id}", "Redovisa villkoren", true),
        ApplicationStates.Granted or ApplicationStates.PartlyGranted or ApplicationStates.Running =>
            new("Lämna återrapporterna enligt planen.", $"/FollowUp/Project/{id}", "Se återrapporteringsplanen"),
        ApplicationStates.Refused => new("Ansökan är avslagen. Beslutet och protokollsutdraget finns på ansökans sida."),
        _ => new("Inget att göra."),
    };

    /// <summary>The kansli's next step, or null when the case is not the kansli's to move now.</summary>
    public static NextStep? ForSecretariat(string state, Guid id) => state switch
    {
        ApplicationStates.Received => new("Påbörja beredningen.", $"/Applications/Details/{id}", "Öppna ärendet"),
        ApplicationStates.InPreparation => new("Bered ärendet och remittera det till LSG.", $"/Applications/Details/{id}", "Öppna ärendet"),
        ApplicationStates.CompletionRequested => new("Väntar på komplettering från den sökande.", $"/Applications/Details/{id}", "Öppna ärendet"),
        ApplicationStates.Recommended or ApplicationStates.AdvisedAgainst or ApplicationStates.ReferredBack or ApplicationStates.Tabled =>
            new("Sätt upp ärendet på styrelsens föredragningslista.", "/Meetings", "Styrelsens sammanträden"),
        _ => null,
    };
}
