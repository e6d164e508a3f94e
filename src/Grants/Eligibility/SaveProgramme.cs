using System.Security.Claims;
using Grants.Identity;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Eligibility;

/// <summary>A programme/call as sent by the kansli (API body and page form).</summary>
public sealed class ProgrammeInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? AgeMin { get; set; }
    public int? AgeMax { get; set; }
    public long? CostCeiling { get; set; }
    public DateOnly? ClosingDate { get; set; }
}

/// <summary>Creates or changes a programme/call (kansli). Every change is audited; a stale save answers 409.</summary>
public sealed class SaveProgramme(GrantsDbContext db, LocalClock clock)
{
    public const int DescriptionMax = 2000;

    public static ValidationErrors Validate(ProgrammeInput p)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(p.Name)) e.Add("name", "Utlysningens namn måste fyllas i.");
        else if (p.Name.Length > 200) e.Add("name", "Utlysningens namn får vara högst 200 tecken.");
        if (p.Description is { Length: > DescriptionMax }) e.Add("description", $"Beskrivningen får vara högst {DescriptionMax} tecken.");
        if (p.OpensOn is { } o && p.ClosingDate is { } c && c < o) e.Add("closingDate", "Sista dag att ansöka får inte vara före första dag att ansöka.");
        if (p.StartDate is { } s && p.EndDate is { } end && end < s) e.Add("endDate", "Slutdatum får inte vara före startdatum.");
        if (p.AgeMin is < 0 or > 120) e.Add("ageMin", "Lägsta ålder måste vara mellan 0 och 120.");
        if (p.AgeMax is < 0 or > 120) e.Add("ageMax", "Högsta ålder måste vara mellan 0 och 120.");
        if (p.AgeMin is { } min && p.AgeMax is { } max && min > max) e.Add("ageMax", "Högsta ålder får inte vara lägre än lägsta ålder.");
        if (p.CostCeiling is < 1 or > Applications.ApplicationValidator.MaxAmount) e.Add("costCeiling", "Kostnadstaket måste vara ett positivt belopp i hela kronor.");
        return e;
    }

    public async Task<Outcome<Programme>> HandleAsync(ClaimsPrincipal user, Guid? id, ProgrammeInput input, int? expectedVersion, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Secretariat)) return Outcome<Programme>.Forbidden("Bara kansliet kan ändra utlysningar.");
        var errors = Validate(input);
        if (!errors.IsEmpty) return Outcome<Programme>.Invalid(errors);
        var actor = Actor.From(user).ActingAs([Roles.Secretariat]);
        var now = clock.Now;
        Programme programme;
        if (id is { } existing)
        {
            var found = await db.Programmes.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (found is null) return Outcome<Programme>.NotFound();
            programme = found;
            if (expectedVersion is { } v && v != programme.Version)
                return Outcome<Programme>.Conflict("Utlysningen har ändrats sedan du öppnade den. Ladda om och försök igen.");
        }
        else
        {
            programme = new Programme { CreatedAt = now, CreatedBy = actor.Name };
            db.Programmes.Add(programme);
        }
        programme.Name = input.Name!.Trim();
        programme.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        programme.OpensOn = input.OpensOn;
        (programme.StartDate, programme.EndDate, programme.ClosingDate) = (input.StartDate, input.EndDate, input.ClosingDate);
        (programme.AgeMin, programme.AgeMax, programme.CostCeiling) = (input.AgeMin, input.AgeMax, input.CostCeiling);
        (programme.UpdatedAt, programme.UpdatedBy) = (now, actor.Name);
        programme.Version++;
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(Programme), programme.Id.ToString(), id is null ? "programme.created" : "programme.changed", programme.Name));
        return await db.SaveOrConflictAsync(programme, ct, "Någon annan ändrade utlysningen samtidigt. Ladda om och försök igen.");
    }
}
