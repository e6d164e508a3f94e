using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Grants.Shared;

/// <summary>Model-binding errors on the pages in Swedish (e.g. text typed where a whole number is expected).</summary>
public static class SwedishBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustBeANumberAccessor(_ => "Värdet måste vara ett heltal.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet måste vara ett heltal.");
        p.SetAttemptedValueIsInvalidAccessor((value, _) => $"Värdet \"{value}\" är inte giltigt här.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet \"{value}\" är inte giltigt här.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Värdet är inte giltigt här.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är inte giltigt här.");
        p.SetValueIsInvalidAccessor(value => $"Värdet \"{value}\" är inte giltigt.");
        p.SetValueMustNotBeNullAccessor(_ => "Fältet måste fyllas i.");
        p.SetMissingBindRequiredValueAccessor(_ => "Fältet saknas.");
        p.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Innehållet saknas.");
    }
}
