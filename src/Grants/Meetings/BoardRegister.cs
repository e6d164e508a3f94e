using System.Security.Claims;
using Grants.Association;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Grants.Meetings;

/// <summary>Keeps the board's composition: ledamöter and ersättare per member, the presidium, förbundschef and secretary, with terms.</summary>
public sealed class BoardRegister(GrantsDbContext db, ProfileStore profiles, TimeProvider time)
{
    public sealed record MemberRequest(string? Name, string? Email, string? MemberKey, BoardRole? Role, BoardOffice? Office,
        Guid? DeputyForId, DateOnly? TermStart, DateOnly? TermEnd);

    public Task<List<BoardMember>> MembersAsync(CancellationToken ct) =>
        db.BoardMembers.AsNoTracking().OrderBy(m => m.Role).ThenBy(m => m.MemberKey).ThenBy(m => m.Name).ToListAsync(ct);

    /// <summary>The board members serving on <paramref name="date"/>.</summary>
    public async Task<List<BoardMember>> ServingAsync(DateOnly date, CancellationToken ct) =>
        (await MembersAsync(ct)).Where(m => m.Serves(date)).ToList();

    /// <summary>The board member a Styrelse login stands for (same e-mail, term covering the date).</summary>
    public async Task<BoardMember?> MemberOfAsync(ClaimsPrincipal user, DateOnly date, CancellationToken ct)
    {
        var email = user.FindFirstValue(ClaimTypes.Email);
        if (string.IsNullOrWhiteSpace(email)) return null;
        var normalized = email.Trim().ToLowerInvariant();
        return (await db.BoardMembers.AsNoTracking().Where(m => m.Email == normalized).ToListAsync(ct)).FirstOrDefault(m => m.Serves(date));
    }

    public async Task<Outcome<BoardMember>> AddAsync(ClaimsPrincipal user, MemberRequest r, CancellationToken ct)
    {
        var profile = await profiles.GetAsync(ct);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) errors.Add("name", "Ange namnet (högst 200 tecken).");
        if (string.IsNullOrWhiteSpace(r.Email) || !MailboxAddress.TryParse(r.Email.Trim(), out _) || !r.Email.Contains('@'))
            errors.Add("email", "Ange en giltig e-postadress; kallelser och påminnelser går dit.");
        if (r.Role is null) errors.Add("role", "Välj ledamot, ersättare, förbundschef eller sekreterare.");
        var isBoard = r.Role is BoardRole.Ledamot or BoardRole.Ersattare;
        if (isBoard && (r.MemberKey is null || profile.FindMember(r.MemberKey) is null))
            errors.Add("memberKey", "Välj vilken huvudman som utsett ledamoten eller ersättaren.");
        if (r.Office is BoardOffice.Ordforande or BoardOffice.ViceOrdforande && r.Role != BoardRole.Ledamot)
            errors.Add("office", "Ordförande och vice ordförande väljs bland ledamöterna.");
        if (r.TermStart is null) errors.Add("termStart", "Ange mandatperiodens första dag (ÅÅÅÅ-MM-DD).");
        if (r.TermEnd is null) errors.Add("termEnd", "Ange mandatperiodens sista dag (ÅÅÅÅ-MM-DD).");
        else if (r.TermStart is { } s && r.TermEnd < s) errors.Add("termEnd", "Mandatperioden kan inte sluta före den börjar.");
        if (r.Role == BoardRole.Ersattare && r.DeputyForId is { } deputyFor)
        {
            var ledamot = await db.BoardMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == deputyFor, ct);
            if (ledamot is null || ledamot.Role != BoardRole.Ledamot) errors.Add("deputyForId", "Ersättaren kan bara vara ersättare för en ledamot.");
        }
        if (!errors.IsEmpty) return Outcome<BoardMember>.Invalid(errors);

        var actor = Actor.From(user);
        var member = new BoardMember
        {
            Name = r.Name!.Trim(), Email = r.Email!.Trim().ToLowerInvariant(), MemberKey = isBoard ? r.MemberKey : null, Role = r.Role!.Value,
            Office = r.Office ?? BoardOffice.None, DeputyForId = r.Role == BoardRole.Ersattare ? r.DeputyForId : null,
            TermStart = r.TermStart!.Value, TermEnd = r.TermEnd!.Value, CreatedAt = time.GetUtcNow(), CreatedBy = actor.Name,
        };
        db.BoardMembers.Add(member);
        db.AuditEntries.Add(AuditEntry.Of(actor, member.CreatedAt, nameof(BoardMember), member.Id.ToString(), "board.member-added",
            $"{member.Name}, {member.RoleLabel}, {member.TermStart:yyyy-MM-dd}–{member.TermEnd:yyyy-MM-dd}"));
        await db.SaveChangesAsync(ct);
        return member;
    }
}
