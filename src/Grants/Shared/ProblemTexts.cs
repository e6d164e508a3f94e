using Microsoft.AspNetCore.WebUtilities;

namespace Grants.Shared;

/// <summary>
/// Swedish titles for the problem details the framework writes itself (bare status codes, binding failures):
/// an English reason phrase as title is replaced, a title a use case set is kept.
/// </summary>
public static class ProblemTexts
{
    private static readonly Dictionary<int, (string Title, string Detail)> Swedish = new()
    {
        [400] = ("Felaktig förfrågan", "Förfrågan kunde inte läsas. Kontrollera innehållet och försök igen."),
        [401] = ("Inloggning krävs", "Logga in och försök igen."),
        [403] = ("Ej behörig", "Din roll får inte göra detta."),
        [404] = ("Hittades inte", "Det du söker finns inte eller så saknar du behörighet till det."),
        [405] = ("Metoden stöds inte", "Adressen tar inte emot den här sortens förfrågan."),
        [409] = ("Konflikt", Concurrency.DefaultMessage),
        [413] = ("Innehållet är för stort", "Förfrågan är större än servern tar emot."),
        [415] = ("Innehållstypen stöds inte", "Skicka innehållet som JSON (application/json; charset=utf-8) eller multipart/form-data."),
        [429] = ("För många försök", "Vänta en stund och försök igen."),
        [500] = ("Ett fel uppstod", "Något gick fel hos oss. Försök igen om en stund."),
    };

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (!Swedish.TryGetValue(status, out var text)) return;
        if (string.IsNullOrEmpty(problem.Title) || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title.StartsWith("An error occurred", StringComparison.Ordinal))
        {
            problem.Title = text.Title;
            problem.Detail ??= text.Detail;
        }
    }
}
