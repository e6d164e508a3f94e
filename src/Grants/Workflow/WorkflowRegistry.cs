using System.Collections.Concurrent;

namespace Grants.Workflow;

/// <summary>
/// The definitions in the folder (current versions) and every older version met since start.
/// Loading checks every file against the catalogue and refuses the lot if one is broken.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly ConcurrentDictionary<(string Key, string Hash), WorkflowDefinition> _byHash = new();
    private volatile IReadOnlyDictionary<string, WorkflowDefinition> _current = new Dictionary<string, WorkflowDefinition>();

    public IReadOnlyDictionary<string, WorkflowDefinition> Current => _current;

    public bool IsLoaded => _current.Count > 0;

    public WorkflowDefinition CurrentOf(string key) =>
        _current.TryGetValue(key, out var d) ? d : throw new WorkflowDefinitionException($"Arbetsflödet '{key}' finns inte bland definitionerna.");

    public WorkflowDefinition? Find(string key, string hash) => _byHash.GetValueOrDefault((key, hash));

    public void Remember(WorkflowDefinition def) => _byHash.TryAdd((def.Key, def.Hash), def);

    /// <summary>Reads every *.json in the folder; throws <see cref="WorkflowDefinitionException"/> naming file and problem.</summary>
    public void LoadFolder(string folder, WorkflowCatalogue catalogue)
    {
        var loaded = new Dictionary<string, WorkflowDefinition>();
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new WorkflowDefinitionException($"{folder}: inga arbetsflöden (*.json) hittades.");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var def = DefinitionLoader.Load(File.ReadAllText(file), name, catalogue);
            if (!loaded.TryAdd(def.Key, def))
                throw new WorkflowDefinitionException($"{name}: nyckeln '{def.Key}' används redan av {loaded[def.Key].FileName}.");
        }
        var keys = WorkflowKeyCatalogues.Problems(loaded, WorkflowKeyCatalogues.InAssembly);
        if (keys.Count > 0) throw new WorkflowDefinitionException(string.Join(" ", keys));
        foreach (var def in loaded.Values) Remember(def);
        _current = loaded;
    }
}
