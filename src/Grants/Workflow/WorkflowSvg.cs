using System.Globalization;
using System.Net;
using System.Text;

namespace Grants.Workflow;

/// <summary>
/// Draws a definition as an SVG picture on the server (the CSP allows no script, so no Mermaid in the browser):
/// states as boxes in layers by distance from the initial state, transitions as arrows labelled with the
/// Swedish trigger label and, in brackets, the Swedish labels of their guards. The current state is filled and
/// marked "(nuvarande)" in text, not only by colour. Callers show the states and transitions as text beside it.
/// </summary>
public static class WorkflowSvg
{
    private const int BoxWidth = 190, BoxHeight = 44, ColumnGap = 70, RowGap = 110, Margin = 30, SideLane = 260;
    private const string Ink = "#0b0c0c", Current = "#ffdd00", Box = "#f3f2f1", Arrow = "#505a5f";

    public static string Of(WorkflowDefinition def, string? current, Func<string, string> guardLabel)
    {
        var layers = Layers(def);
        var rows = def.States.GroupBy(s => layers[s.Key]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var widest = rows.Max(r => r.Count);
        var width = Margin * 2 + widest * BoxWidth + (widest - 1) * ColumnGap + SideLane;
        var height = Margin * 2 + rows.Count * BoxHeight + (rows.Count - 1) * RowGap;
        var pos = new Dictionary<string, (double X, double Y)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowWidth = rows[r].Count * BoxWidth + (rows[r].Count - 1) * ColumnGap;
            var x0 = Margin + (widest * BoxWidth + (widest - 1) * ColumnGap - rowWidth) / 2.0;
            for (var i = 0; i < rows[r].Count; i++)
                pos[rows[r][i].Key] = (x0 + i * (BoxWidth + ColumnGap), Margin + r * (BoxHeight + RowGap));
        }
        var lanesRight = Margin + widest * BoxWidth + (widest - 1) * ColumnGap;
        var marker = $"pil-{Id(def.Key)}";
        var currentLabel = current is null ? null : def.FindState(current)?.StaffLabel;

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(AriaLabel(def, currentLabel))}\" font-family=\"Arial, sans-serif\" font-size=\"13\">");
        sb.Append($"<defs><marker id=\"{marker}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{Arrow}\"/></marker></defs>");

        var edges = def.Transitions
            .SelectMany(t => t.From.Select(f => (From: f, t.To, Label: EdgeLabel(def, t, guardLabel))))
            .GroupBy(e => (e.From, e.To))
            .Select(g => (g.Key.From, g.Key.To, Label: string.Join(" / ", g.Select(e => e.Label).Distinct())))
            .ToList();
        var lane = 0;
        foreach (var (from, to, label) in edges)
        {
            if (!pos.TryGetValue(from, out var a) || !pos.TryGetValue(to, out var b)) continue;
            string path; double lx, ly; string anchor;
            if (layers[to] > layers[from])
            {
                // Forward: straight down from the bottom edge to the top edge.
                double x1 = a.X + BoxWidth / 2.0, y1 = a.Y + BoxHeight, x2 = b.X + BoxWidth / 2.0, y2 = b.Y;
                path = F($"M{x1},{y1} L{x2},{y2}");
                (lx, ly, anchor) = ((x1 + x2) / 2 + 4, (y1 + y2) / 2, "start");
            }
            else
            {
                // Back or sideways: out to a lane on the right so it does not cross the boxes.
                var laneX = lanesRight + 20 + (lane++ % 6) * 12;
                double x1 = a.X + BoxWidth, y1 = a.Y + BoxHeight / 2.0 - 6, x2 = b.X + BoxWidth, y2 = b.Y + BoxHeight / 2.0 + 6;
                path = F($"M{x1},{y1} C{laneX},{y1} {laneX},{y2} {x2},{y2}");
                (lx, ly, anchor) = (laneX + 4, (y1 + y2) / 2, "start");
            }
            sb.Append($"<path d=\"{path}\" fill=\"none\" stroke=\"{Arrow}\" stroke-width=\"1.5\" marker-end=\"url(#{marker})\"/>");
            sb.Append(F($"<text x=\"{lx}\" y=\"{ly}\" text-anchor=\"{anchor}\" fill=\"{Ink}\" stroke=\"#ffffff\" stroke-width=\"4\" paint-order=\"stroke\">{E(label)}</text>"));
        }

        var initial = pos[def.Initial];
        sb.Append(F($"<circle cx=\"{initial.X - 16}\" cy=\"{initial.Y + BoxHeight / 2.0}\" r=\"6\" fill=\"{Ink}\"/>"));
        foreach (var s in def.States)
        {
            var (x, y) = pos[s.Key];
            var isCurrent = s.Key == current;
            sb.Append(F($"<g class=\"state{(isCurrent ? " current" : "")}\"><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"8\" fill=\"{(isCurrent ? Current : Box)}\" stroke=\"{Ink}\" stroke-width=\"{(isCurrent ? 4 : s.Final ? 3 : 1.5)}\"/>"));
            var text = E(s.StaffLabel);
            if (isCurrent)
                sb.Append(F($"<text x=\"{x + BoxWidth / 2.0}\" y=\"{y + 19}\" text-anchor=\"middle\" fill=\"{Ink}\" font-weight=\"bold\">{text}</text><text x=\"{x + BoxWidth / 2.0}\" y=\"{y + 35}\" text-anchor=\"middle\" fill=\"{Ink}\" font-size=\"11\">(nuvarande)</text></g>"));
            else
                sb.Append(F($"<text x=\"{x + BoxWidth / 2.0}\" y=\"{y + BoxHeight / 2.0 + 5}\" text-anchor=\"middle\" fill=\"{Ink}\"{(s.Final ? " font-weight=\"bold\"" : "")}>{text}</text></g>"));
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>"Tillstyrk [LSG tillstyrker]": the trigger's label and, when it has guards, what must hold.</summary>
    public static string EdgeLabel(WorkflowDefinition def, TransitionDefinition t, Func<string, string> guardLabel) =>
        def.TriggerLabel(t.Trigger) + (t.Guards.Count == 0 ? "" : $" [{string.Join(", ", t.Guards.Select(guardLabel))}]");

    /// <summary>Layer of each state: shortest number of steps from the initial state; unreachable states last.</summary>
    private static Dictionary<string, int> Layers(WorkflowDefinition def)
    {
        var layer = new Dictionary<string, int> { [def.Initial] = 0 };
        var queue = new Queue<string>([def.Initial]);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var t in def.From(s).Where(t => !layer.ContainsKey(t.To)))
            {
                layer[t.To] = layer[s] + 1;
                queue.Enqueue(t.To);
            }
        }
        var last = layer.Values.DefaultIfEmpty(0).Max() + 1;
        foreach (var s in def.States.Where(s => !layer.ContainsKey(s.Key))) layer[s.Key] = last;
        return layer;
    }

    private static string AriaLabel(WorkflowDefinition def, string? currentLabel) =>
        $"Flödesdiagram för {def.Name}" + (currentLabel is null ? "" : $", nuvarande tillstånd: {currentLabel}") + ". Tillstånden och övergångarna finns som text intill.";

    private static string Id(string key) => key.Replace('-', '_');
    private static string E(string text) => WebUtility.HtmlEncode(text);
    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
