using Microsoft.AspNetCore.Http.HttpResults;

namespace Grants.Shared;

/// <summary>Maps use-case outcomes to RFC 7807 problem details with Swedish texts.</summary>
public static class ApiResults
{
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> ok) => outcome.Kind switch
    {
        OutcomeKind.Ok => ok(outcome.Value!),
        OutcomeKind.Invalid => Validation(outcome.Errors),
        OutcomeKind.NotFound => Problem(StatusCodes.Status404NotFound, "Hittades inte", "Det du söker finns inte eller så saknar du behörighet till det."),
        OutcomeKind.Conflict => Problem(StatusCodes.Status409Conflict, "Konflikt", outcome.Message),
        OutcomeKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "Ej behörig", outcome.Message),
        OutcomeKind.TooLarge => TypedResults.Problem(new HttpValidationProblemDetails(outcome.Errors.ToDictionary())
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Innehållet är för stort",
            Detail = "Skicka en mindre fil.",
        }),
        _ => throw new InvalidOperationException($"Unknown outcome {outcome.Kind}"),
    };

    public static ValidationProblem Validation(ValidationErrors errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(),
            detail: "Rätta de markerade fälten och försök igen.",
            title: "Uppgifterna innehåller fel");

    public static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
