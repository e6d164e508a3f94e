using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Mail;

/// <summary>The mails the outbox holds to the person (as recipient or copy).</summary>
public sealed class MailPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "e-post";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person.Email)) return Array.Empty<object>();
        var address = person.Email.Trim().ToLowerInvariant();
        // To and Cc are address lists; match case-insensitively here rather than in SQL (each engine lowers differently).
        var candidates = await db.OutboxMails.AsNoTracking()
            .Select(m => new { m.Id, m.To, m.Cc, m.Subject, m.Body, m.CreatedAt, m.SentAt })
            .ToListAsync(ct);
        return candidates
            .Where(m => Addresses(m.To).Contains(address) || Addresses(m.Cc).Contains(address))
            .Select(m => new { till = m.To, kopia = m.Cc, ämne = m.Subject, text = m.Body, skapat = m.CreatedAt, skickat = m.SentAt })
            .ToList();
    }

    private static HashSet<string> Addresses(string? list) =>
        (list ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Contains('<', StringComparison.Ordinal) ? a[(a.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd('>') : a)
            .Select(a => a.Trim().ToLowerInvariant())
            .ToHashSet();
}
