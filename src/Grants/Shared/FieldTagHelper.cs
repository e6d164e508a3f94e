using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Grants.Shared;

/// <summary>
/// &lt;field for="Form.Project.Name" label="..." hint="..." type="textarea" /&gt;: one accessible form field —
/// label, hint, error text tied by aria-describedby, aria-invalid, and the attempted value kept after an error.
/// </summary>
[HtmlTargetElement("field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    public required Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string? Hint { get; set; }
    /// <summary>text, textarea, email, tel, number, date, or amount (whole kronor: a text field that takes "508 000", see <see cref="Amounts"/>).</summary>
    public string Type { get; set; } = "text";
    public int Rows { get; set; } = 4;
    public bool Required { get; set; }
    public bool Readonly { get; set; }
    public string? Autocomplete { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? InputClass { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = new();

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldKeys.ElementId(name);
        var state = ViewContext.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var errors = state?.Errors.Select(e => e.ErrorMessage).Where(m => !string.IsNullOrEmpty(m)).ToList() ?? [];
        var value = state?.AttemptedValue ?? (Type == "amount" && For.Model is long amount ? Applications.SwedishIdentifiers.Money(amount) : Format(For.Model));

        string E(string s) => encoder.Encode(s);
        var described = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append($"<label for=\"{id}\">{E(Label)}{(Required ? " <span class=\"req\">(obligatoriskt)</span>" : "")}</label>");
        if (Hint is not null)
        {
            html.Append($"<div class=\"hint\" id=\"{id}-hint\">{E(Hint)}</div>");
            described.Add($"{id}-hint");
        }
        if (errors.Count > 0)
        {
            html.Append($"<p class=\"field-error\" id=\"{id}-error\">{E(string.Join(" ", errors))}</p>");
            described.Add($"{id}-error");
        }
        var attrs = $"id=\"{id}\" name=\"{E(name)}\"" +
                    (described.Count > 0 ? $" aria-describedby=\"{string.Join(' ', described)}\"" : "") +
                    (errors.Count > 0 ? " aria-invalid=\"true\"" : "") +
                    (Readonly ? " readonly" : "") +
                    (Autocomplete is not null ? $" autocomplete=\"{E(Autocomplete)}\"" : "") +
                    (InputClass is not null ? $" class=\"{E(InputClass)}\"" : "");
        if (Type == "textarea")
        {
            html.Append($"<textarea {attrs} rows=\"{Rows}\">{E(value)}</textarea>");
        }
        else
        {
            var extra = Type == "number" ? $" inputmode=\"numeric\" step=\"1\" min=\"{E(Min ?? "0")}\"" + (Max is not null ? $" max=\"{E(Max)}\"" : "") : "";
            // Amounts are text: a number field refuses "508 000" in the browser before the server sees it.
            var type = Type == "amount" ? "text" : Type;
            if (Type == "amount") extra = " inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\"";
            html.Append($"<input type=\"{E(type)}\" {attrs} value=\"{E(value)}\"{extra} />");
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "field field--error" : "field");
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string Format(object? model) => model switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString() ?? "",
    };
}
