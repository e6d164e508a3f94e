using Grants.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Grants.Applications;

/// <summary>
/// Diarienummer "&lt;prefix&gt; &lt;year&gt;/&lt;n&gt;": one counter row per year, incremented inside the
/// caller's transaction, so a rolled-back submit leaves no gap and two submits never share a number.
/// </summary>
public static class RegistrationNumbers
{
    public static string Format(string prefix, int year, int sequence) => $"{prefix} {year}/{sequence}";

    /// <summary>Must run inside a transaction that also stores the application.</summary>
    public static async Task<int> NextAsync(GrantsDbContext db, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A registration number must be taken inside the transaction that stores it.");
        // One statement: the first number of a year creates the row, later ones increment it. A plain command on
        // the context's connection and transaction: it runs inside the write lock, where EF's query pipeline is overhead.
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
        command.CommandText = """INSERT INTO "RegistrationCounters" ("Year", "Last") VALUES (@year, 1) ON CONFLICT ("Year") DO UPDATE SET "Last" = "RegistrationCounters"."Last" + 1 RETURNING "Last" """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
