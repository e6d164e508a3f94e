using System.Data.Common;
using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grants.Applications;

/// <summary>
/// Diarienummer "&lt;prefix&gt; &lt;year&gt;/&lt;n&gt;": one counter row per year, incremented inside the
/// caller's transaction, so a rolled-back submit leaves no gap and two submits never share a number.
/// </summary>
public static class RegistrationNumbers
{
    public static string Format(string prefix, int year, int sequence) => $"{prefix} {year}/{sequence}";

    /// <summary>The first number of a year creates the counter row, later ones increment it.</summary>
    private const string Increment =
        """INSERT INTO "RegistrationCounters" ("Year", "Last") VALUES (@year, 1) ON CONFLICT ("Year") DO UPDATE SET "Last" = "RegistrationCounters"."Last" + 1 RETURNING "Last";""";

    /// <summary>
    /// Takes the next number and stamps it, with the application's new state, on its row, in one command (one round
    /// trip): on PostgreSQL the counter's row lock, which makes the number gapless, is then held only from this command
    /// to the commit, not across the rest of the submission's writes. Everything else must already be saved.
    /// The row must still be at <paramref name="version"/>; answers the number, or null when it was not.
    /// The submission's audit entry (saved with it) gets the number in the same command.
    /// </summary>
    public static async Task<(string Number, int Sequence)?> StampAsync(GrantsDbContext db, Application app, string prefix, int year, string state, int version, long auditEntryId, CancellationToken ct)
    {
        const string last = """(SELECT "Last" FROM "RegistrationCounters" WHERE "Year" = @year)""";
        await using var command = CommandInTransaction(db, Increment + $"""
             UPDATE "Applications" SET "State" = @state, "RegistrationYear" = @year, "RegistrationSequence" = {last},
                 "RegistrationNumber" = @prefix || ' ' || CAST(@year AS TEXT) || '/' || CAST({last} AS TEXT)
             WHERE "Id" = @id AND "Version" = @version;
             UPDATE "AuditEntries" SET "Details" = (SELECT "RegistrationNumber" FROM "Applications" WHERE "Id" = @id) WHERE "Id" = @audit;
             """);
        AddParameter(db, command, "year", year);
        AddParameter(db, command, "state", state);
        AddParameter(db, command, "prefix", prefix);
        AddParameter(db, command, "id", app.Id);
        AddParameter(db, command, "version", version);
        AddParameter(db, command, "audit", auditEntryId);
        int sequence;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            sequence = reader.GetInt32(0);
            while (await reader.NextResultAsync(ct)) { }
            // The counter's, the application's and the audit entry's: the application's finds nothing when the row moved on.
            if (reader.RecordsAffected != 3) return null;
        }
        return (Format(prefix, year, sequence), sequence);
    }

    private static DbCommand CommandInTransaction(GrantsDbContext db, string sql)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A registration number must be taken inside the transaction that stores it.");
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>A parameter in the engine's own representation of the type (a Guid is text on SQLite, uuid on PostgreSQL).</summary>
    private static void AddParameter<T>(GrantsDbContext db, DbCommand command, string name, T value)
    {
        var mapping = db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(T))
            ?? throw new InvalidOperationException($"No mapping for {typeof(T)}");
        command.Parameters.Add(mapping.CreateParameter(command, name, value));
    }
}
