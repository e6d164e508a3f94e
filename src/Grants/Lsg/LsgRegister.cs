using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Lsg;

/// <summary>The kansli keeps the LSG's members (one or more per member authority) and its meetings.</summary>
public sealed class LsgRegister(GrantsDbContext db, ProfileStore profiles, TimeProvider time)
{
    public sealed record MemberRequest(string? Name, string? MemberKey, string? Email);
    public sealed record MeetingRequest(DateOnly? Date, List<Guid>? Attendees);

    public async Task<Outcome<LsgMember>> AddMemberAsync(ClaimsPrincipal user, MemberRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var profile = await profiles.GetAsync(ct);
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) errors.Add("name", "Ange ledamotens namn (högst 200 tecken).");
        if (string.IsNullOrWhiteSpace(r.MemberKey) || profile.FindMember(r.MemberKey) is null) errors.Add("memberKey", "Välj vilken huvudman ledamoten företräder.");
        if (string.IsNullOrWhiteSpace(r.Email) || !MailboxAddress.TryParse(r.Email, out _) || !r.Email.Contains('@')) errors.Add("email", "Ange en giltig e-postadress.");
        else if (await db.LsgMembers.AnyAsync(m => m.Email == r.Email.Trim().ToLower() && m.Active, ct)) errors.Add("email", "Det finns redan en ledamot med den e-postadressen.");
        if (!errors.IsEmpty) return Outcome<LsgMember>.Invalid(errors);

        var actor = Actor.From(user);
        var email = r.Email!.Trim().ToLowerInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var member = new LsgMember { Name = r.Name!.Trim(), MemberKey = r.MemberKey!, Email = email, UserId = account, CreatedAt = time.GetUtcNow(), CreatedBy = actor.Name };
        db.LsgMembers.Add(member);
        db.AuditEntries.Add(AuditEntry.Of(actor, member.CreatedAt, nameof(LsgMember), member.Id.ToString(), "lsg.member-added", $"{member.Name} ({member.MemberKey})"));
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Outcome<LsgMeeting>> AddMeetingAsync(ClaimsPrincipal user, MeetingRequest r, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (r.Date is null) errors.Add("date", "Ange sammanträdets datum (ÅÅÅÅ-MM-DD).");
        var attendees = (r.Attendees ?? []).Distinct().ToList();
        var known = await db.LsgMembers.Where(m => attendees.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        if (known.Count != attendees.Count) errors.Add("attendees", "Någon av de närvarande finns inte bland LSG:s ledamöter.");
        if (r.Date is { } d && await db.LsgMeetings.AnyAsync(m => m.Date == d, ct)) errors.Add("date", "Det finns redan ett sammanträde det datumet.");
        if (!errors.IsEmpty) return Outcome<LsgMeeting>.Invalid(errors);

        var actor = Actor.From(user);
        var meeting = new LsgMeeting { Date = r.Date!.Value, Attendees = attendees, CreatedAt = time.GetUtcNow(), CreatedBy = actor.Name };
        db.LsgMeetings.Add(meeting);
        db.AuditEntries.Add(AuditEntry.Of(actor, meeting.CreatedAt, nameof(LsgMeeting), meeting.Id.ToString(), "lsg.meeting-added", meeting.Date.ToString("yyyy-MM-dd")));
        await db.SaveChangesAsync(ct);
        return meeting;
    }
}
