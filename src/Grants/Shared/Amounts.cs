using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Grants.Shared;

/// <summary>
/// The one parser for amounts in whole kronor typed by people: "508 000", "1 500 000", "508000", with ordinary,
/// no-break or thin spaces and an optional "kr"/"kronor". A minus sign is read (so a negative amount reaches the
/// validators, which refuse it with a message naming the field) rather than being a parse error.
/// </summary>
public static class Amounts
{
    public const string FormatMessage = "Ange beloppet i hela kronor med siffror, till exempel 430 000.";

    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        var t = (text ?? "").Trim();
        foreach (var suffix in new[] { "kronor", "kr.", "kr", ":-" })
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) { t = t[..^suffix.Length]; break; }
        t = t.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "").Replace("\u2212", "-");
        return t.Length > 0 && long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Null for an empty text; a field error for anything that is not an amount.</summary>
    public static long? Parse(string? text, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text, out var v)) return v;
        errors.Add(field, FormatMessage);
        return null;
    }
}

/// <summary>Binds every <c>long</c> / <c>long?</c> on the pages through <see cref="Amounts"/>, so "508 000" is accepted everywhere.</summary>
public sealed class AmountModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(long) ? new AmountModelBinder(context.Metadata.IsReferenceOrNullableType) : null;

    private sealed class AmountModelBinder(bool nullable) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext ctx)
        {
            var result = ctx.ValueProvider.GetValue(ctx.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            ctx.ModelState.SetModelValue(ctx.ModelName, result);
            var text = result.FirstValue;
            if (string.IsNullOrWhiteSpace(text))
            {
                // An empty amount field: nothing for an optional amount, zero for a required row amount.
                ctx.Result = nullable ? ModelBindingResult.Success(null) : ModelBindingResult.Success(0L);
            }
            else if (Amounts.TryParse(text, out var v))
            {
                ctx.Result = ModelBindingResult.Success(v);
            }
            else
            {
                ctx.ModelState.TryAddModelError(ctx.ModelName, Amounts.FormatMessage);
                ctx.Result = ModelBindingResult.Failed();
            }
            return Task.CompletedTask;
        }
    }
}
