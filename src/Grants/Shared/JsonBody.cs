using System.Text.Json;

namespace Grants.Shared;

/// <summary>
/// Reads a JSON body ourselves so a wrongly typed field becomes a Swedish field error (400)
/// instead of the framework's bare 400 or a 500.
/// </summary>
public static class JsonBody
{
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct) where T : class
    {
        var errors = new ValidationErrors();
        if (!request.HasJsonContentType())
        {
            errors.Add("$", "Innehållet måste skickas som JSON (Content-Type: application/json).");
            return Outcome<T>.Invalid(errors);
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
            if (value is not null) return value;
            errors.Add("$", "Innehållet saknas.");
        }
        catch (JsonException ex)
        {
            errors.Add(FieldOf(ex.Path), "Värdet har fel format för fältet (till exempel text där ett heltal, ett datum ÅÅÅÅ-MM-DD eller ett känt val väntas).");
        }
        return Outcome<T>.Invalid(errors);
    }

    /// <summary>"$.budget[0].personnel" → "budget[0].personnel".</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
