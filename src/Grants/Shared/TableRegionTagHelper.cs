using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Grants.Shared;

/// <summary>
/// Every data table (<c>table.data</c>, or a plain <c>table</c> with a caption) sits in a focusable scroll region named
/// by its caption, so at 390 px it
/// scrolls sideways on its own instead of widening the page (WCAG 1.4.10), and keyboard users can scroll it
/// (axe: scrollable-region-focusable). Tables marked <c>stack</c> additionally show one card per row on narrow
/// screens, each cell labelled by its <c>data-label</c>.
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableRegionTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        // A table with another class (the minutes' document tables) is laid out on purpose; leave it.
        var classes = output.Attributes["class"]?.Value?.ToString();
        if (classes is not null && !classes.Split(' ').Contains("data")) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        if (classes is null && !Caption().IsMatch(content)) return;
        var caption = Caption().Match(content) is { Success: true } m
            ? WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim()
            : "Tabell";
        output.Content.SetHtmlContent(content);
        output.PreElement.SetHtmlContent($"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{WebUtility.HtmlEncode(Spaces().Replace(caption, " "))}\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
