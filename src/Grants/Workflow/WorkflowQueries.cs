using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Grants.Workflow;

/// <summary>The diagram as server-drawn SVG and, for screen readers and as a fallback, its transitions as Swedish sentences.</summary>
public sealed record WorkflowPicture(string Svg, IReadOnlyList<string> Transitions)
{
    public static WorkflowPicture Of(WorkflowDefinition def, string? current, Func<string, string> guardLabel) => new(
        WorkflowSvg.Of(def, current, guardLabel),
        def.Transitions.SelectMany(t => t.From.Select(f =>
            $"Från {def.State(f).StaffLabel} till {def.State(t.To).StaffLabel}: {WorkflowSvg.EdgeLabel(def, t, guardLabel)} ({string.Join(", ", t.Roles)})")).ToList());
}

public sealed record DefinitionVersionDto(string Key, string Hash, string FileName, DateTimeOffset FirstLoadedAt, bool Current, int Instances);

/// <summary>Reads for the workflow administration pages and API: definition versions and how many subjects each carries.</summary>
public sealed class WorkflowQueries(GrantsDbContext db, WorkflowRegistry registry, IEnumerable<IWorkflowSubjectStore> stores)
{
    public async Task<List<DefinitionVersionDto>> VersionsAsync(CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitionVersions.AsNoTracking().ToListAsync(ct);
        var counts = new Dictionary<string, int>();
        foreach (var store in stores)
            foreach (var (hash, count) in await store.CountByDefinitionHashAsync(ct))
                counts[hash] = counts.GetValueOrDefault(hash) + count;
        return versions
            .OrderBy(v => v.Key).ThenByDescending(v => v.FirstLoadedAt)
            .Select(v => new DefinitionVersionDto(v.Key, v.Hash, v.FileName, v.FirstLoadedAt,
                registry.Current.TryGetValue(v.Key, out var c) && c.Hash == v.Hash,
                counts.GetValueOrDefault(v.Hash)))
            .ToList();
    }
}
