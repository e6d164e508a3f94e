using Grants.Infrastructure;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Grants.Shared;

/// <summary>
/// The safety net under <see cref="JsonBody"/> and <see cref="FormBody"/>: an exception that says the client sent
/// something wrong (a body over Kestrel's limit, a body the framework could not bind, a concurrent save) answers
/// 4xx problem details in Swedish instead of 500. Everything else stays a 500 and is logged by the middleware.
/// </summary>
public sealed class ClientErrorHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "Innehållet är för stort", "Förfrågan är större än servern tar emot."),
            BadHttpRequestException { InnerException: JsonException } or JsonException =>
                (400, "Uppgifterna innehåller fel", "Innehållet är inte giltig JSON."),
            BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 =>
                (bad.StatusCode, "Felaktig förfrågan", "Förfrågan kunde inte läsas."),
            InvalidDataException =>
                (400, "Felaktig förfrågan", "Innehållet kunde inte läsas (till exempel multipart utan boundary)."),
            DbUpdateException lost when lost.IsLostRace() =>
                (409, "Konflikt", Concurrency.DefaultMessage),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
