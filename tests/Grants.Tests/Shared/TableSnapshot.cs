using Microsoft.Data.Sqlite;

namespace Grants.Tests.Shared;

/// <summary>
/// Row counts of every table, and the sum of every Version column (optimistic-concurrency tokens move on every
/// update of a versioned row), read in one statement: two equal snapshots mean no row was added, removed or
/// changed in a versioned table between them. Shared with bench/Grants.Bench.
/// </summary>
public sealed class TableSnapshot : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<string> _labels = [];
    private readonly string _sql;

    public TableSnapshot(string databaseFile)
    {
        _connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        var parts = new List<string>();
        foreach (var table in Query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name"))
        {
            var columns = Query($"SELECT name FROM pragma_table_info('{table}')");
            _labels.Add($"{table} rows");
            parts.Add($"(SELECT count(*) FROM \"{table}\")");
            if (columns.Contains("Version"))
            {
                _labels.Add($"{table} versions");
                parts.Add($"(SELECT coalesce(sum(Version), 0) FROM \"{table}\")");
            }
        }
        _sql = "SELECT " + string.Join(", ", parts);
    }

    public long[] Take()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = _sql;
        using var reader = command.ExecuteReader();
        reader.Read();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetInt64).ToArray();
    }

    /// <summary>The tables whose figures moved.</summary>
    public IEnumerable<string> ChangedTables(long[] before, long[] after) =>
        Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).Select(i => _labels[i].Split(' ')[0]).Distinct();

    /// <summary>"Applications rows 12 → 13" for every figure that moved.</summary>
    public string Diff(long[] before, long[] after) => string.Join(", ",
        Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).Select(i => $"{_labels[i]} {before[i]} → {after[i]}"));

    /// <summary>Every Guid-shaped Id in the database: real targets for the fuzzer's path parameters.</summary>
    public List<Guid> KnownIds()
    {
        var ids = new List<Guid>();
        foreach (var table in Query("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'Id')"))
            ids.AddRange(Query($"SELECT Id FROM \"{table}\" LIMIT 50").Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty));
        return ids;
    }

    private List<string> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return result;
    }

    public void Dispose() => _connection.Dispose();
}
