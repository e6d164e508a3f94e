using Grants.Infrastructure;
using Grants.Lsg;
using Microsoft.EntityFrameworkCore;

namespace Grants.Demo;

/// <summary>
/// The demo LSG: one manager per member authority (fictional), the demo LSG user among them (Arbetsförmedlingen),
/// linked to the login so the queue, the statement and the jäv button work for that user. Runs once (no members yet).
/// </summary>
public static class DemoLsg
{
    public static readonly (string Name, string MemberKey, string Email)[] Members =
    [
        ("Lars Lsg", "af", "lsg@demo.grants.se"),
        ("Frida Fors", "fk", "frida.fors@demo.grants.se"),
        ("Rut Region", "region-vb", "rut.region@demo.grants.se"),
        ("Sam Skellefteå", "skelleftea", "sam.skelleftea@demo.grants.se"),
        ("Nina Norsjö", "norsjo", "nina.norsjo@demo.grants.se"),
    ];

    public static async Task LoadAsync(GrantsDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.LsgMembers.AnyAsync(ct)) return;
        foreach (var (name, key, email) in Members)
        {
            var userId = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
            db.LsgMembers.Add(new LsgMember { Name = name, MemberKey = key, Email = email, UserId = userId, CreatedAt = now, CreatedBy = "Demodata" });
        }
        await db.SaveChangesAsync(ct);
    }
}
