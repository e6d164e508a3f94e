using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.AspNetCore.Identity;

namespace Grants.Privacy;

/// <summary>
/// "Mina uppgifter" (GDPR art. 15): everything the features store about the signed-in person, as one JSON file.
/// Only ever the caller's own data: the subject is taken from the session, never from the request.
/// </summary>
public sealed class DownloadMyData(UserManager<AppUser> users, IEnumerable<IPersonalDataSource> sources, AccountAudit audit,
    GrantsDbContext db, TimeProvider time)
{
    public const string Exported = "personal-data-exported";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<byte[]?> ExportAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user) return null;
        var person = new DataSubject(user.Id, user.Email, user.DisplayName);
        var sections = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in sources) sections[source.Section] = await source.CollectAsync(person, ct);
        var document = new Dictionary<string, object?>
        {
            ["uttagen"] = time.GetUtcNow(),
            ["om"] = "Uppgifter som Grants lagrar om dig. Beskrivning av varje uppgift, ändamål, rättslig grund och lagringstid: docs/personal-data.md.",
            ["avsnitt"] = sections,
        };
        audit.Add(Actor.From(principal), user.Id, Exported);
        await db.SaveChangesAsync(ct);
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
