using System.Text;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Grants.Shared;

/// <summary>Maps API field keys ("budget[0].personnel") to page model keys ("Form.Budget[0].Personnel") and element ids.</summary>
public static class FieldKeys
{
    public static string ToModelKey(string jsonPath, string prefix)
    {
        if (jsonPath is "$" or "") return "";
        var sb = new StringBuilder(prefix);
        foreach (var segment in jsonPath.Split('.'))
        {
            if (sb.Length > 0) sb.Append('.');
            sb.Append(char.ToUpperInvariant(segment[0])).Append(segment.AsSpan(1));
        }
        return sb.ToString();
    }

    /// <summary>The id the input tag helper gives the field: dots and brackets become underscores.</summary>
    public static string ElementId(string modelKey) =>
        modelKey.Replace('.', '_').Replace('[', '_').Replace(']', '_');

    public static void CopyTo(ValidationErrors errors, ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in errors.All)
            foreach (var m in messages) modelState.AddModelError(ToModelKey(field, prefix), m);
    }
}
