using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grants.Shared;

/// <summary>
/// Reads a JSON body ourselves so every client mistake becomes a Swedish field error (400) instead of the
/// framework's bare 400 or a 500: malformed JSON, a charset other than UTF-8, null where the model does not
/// allow it (also inside lists), and whole numbers beyond <see cref="MaxWholeNumber"/>.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// Request bodies carry kronor as whole numbers (long); nothing real comes near ten thousand million, and the
    /// bound keeps sums far from overflow (long.MinValue once answered 500).
    /// </summary>
    public const long MaxWholeNumber = 10_000_000_000;

    private const int MaxDepth = 32;

    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct) where T : class
    {
        var errors = new ValidationErrors();
        if (!request.HasJsonContentType())
        {
            errors.Add("$", "Innehållet måste skickas som JSON (Content-Type: application/json).");
            return Outcome<T>.Invalid(errors);
        }
        if (request.GetTypedHeaders().ContentType?.Charset.Value is { Length: > 0 } charset
            && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("$", "Innehållet måste vara kodat som UTF-8 (charset=utf-8).");
            return Outcome<T>.Invalid(errors);
        }
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
            if (value is null) errors.Add("$", "Innehållet saknas.");
            else
            {
                Check(value, options.GetTypeInfo(value.GetType()), "", errors, 0);
                if (errors.IsEmpty) return value;
            }
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

    // Walks the model through the serializer's own contract, so field names are the JSON names the client sent.
    private static void Check(object value, JsonTypeInfo info, string path, ValidationErrors errors, int depth)
    {
        if (depth > MaxDepth || info.Kind != JsonTypeInfoKind.Object) return;
        var nullability = new NullabilityInfoContext();
        foreach (var property in info.Properties)
        {
            if (property.Get is null) continue;
            var annotation = property.AttributeProvider switch
            {
                PropertyInfo p => nullability.Create(p),
                FieldInfo f => nullability.Create(f),
                _ => null,
            };
            CheckValue(property.Get(value), annotation, Join(path, property.Name), info.Options, errors, depth);
        }
    }

    private static void CheckValue(object? value, NullabilityInfo? annotation, string path, JsonSerializerOptions options, ValidationErrors errors, int depth)
    {
        switch (value)
        {
            case null:
                if (annotation is { ReadState: NullabilityState.NotNull } && !annotation.Type.IsValueType)
                    errors.Add(path, "Fältet måste fyllas i (null är inte tillåtet här).");
                return;
            case long and (> MaxWholeNumber or < -MaxWholeNumber):
            case decimal and (> MaxWholeNumber or < -MaxWholeNumber):
                errors.Add(path, $"Beloppet ligger utanför det rimliga (högst {MaxWholeNumber.ToString("N0", CultureInfo.GetCultureInfo("sv-SE"))} till beloppet).");
                return;
            case string or ValueType:
                return;
            case IDictionary map:
                var valueAnnotation = annotation?.GenericTypeArguments is { Length: 2 } kv ? kv[1] : null;
                foreach (DictionaryEntry e in map) CheckValue(e.Value, valueAnnotation, $"{path}.{e.Key}", options, errors, depth + 1);
                return;
            case IEnumerable items:
                var itemAnnotation = annotation?.ElementType ?? (annotation?.GenericTypeArguments is { Length: 1 } one ? one[0] : null);
                var i = 0;
                foreach (var item in items)
                {
                    if (item is null && itemAnnotation is { ReadState: NullabilityState.Nullable }) { i++; continue; }
                    if (item is null) errors.Add($"{path}[{i}]", "Raden får inte vara tom (null).");
                    else CheckValue(item, itemAnnotation, $"{path}[{i}]", options, errors, depth + 1);
                    i++;
                }
                return;
            default:
                if (value.GetType().Namespace?.StartsWith(nameof(Grants), StringComparison.Ordinal) == true)
                    Check(value, options.GetTypeInfo(value.GetType()), path, errors, depth + 1);
                return;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
