using System.Security.Claims;
using System.Text.Json;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Shared;
using Microsoft.EntityFrameworkCore;

namespace Grants.Association;

public sealed class ProfileRequest
{
    public string? Name { get; set; }
    public string? RegistrationPrefix { get; set; }
    public int FirstParagraphNumber { get; set; }
    public string? OrganisationNumber { get; set; }
    public List<MemberRequest> Members { get; set; } = [];
}

public sealed class MemberRequest
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? GenitiveName { get; set; }
    public MemberKind Kind { get; set; }
    public string? OrganisationNumber { get; set; }
}

/// <summary>The admin edits the förbund profile; every change is audited with the old and new values.</summary>
public sealed class UpdateProfile(GrantsDbContext db, ProfileStore store, TimeProvider time, IEnumerable<IParagraphSeries> series)
{
    public static ValidationErrors Validate(ProfileRequest r)
    {
        var e = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(r.Name)) e.Add("name", "Förbundets namn måste fyllas i.");
        if (string.IsNullOrWhiteSpace(r.RegistrationPrefix) || !System.Text.RegularExpressions.Regex.IsMatch(r.RegistrationPrefix, @"^[A-ZÅÄÖ0-9\-]{1,12}$"))
            e.Add("registrationPrefix", "Diarieprefix måste vara 1–12 versaler, siffror eller bindestreck.");
        if (r.FirstParagraphNumber < 1) e.Add("firstParagraphNumber", "Första paragrafnummer måste vara ett positivt heltal.");
        if (!string.IsNullOrWhiteSpace(r.OrganisationNumber) && !SwedishIdentifiers.IsValidOrganisationNumber(r.OrganisationNumber))
            e.Add("organisationNumber", "Förbundets organisationsnummer är inte giltigt.");
        if (r.Members.Count < 2) e.Add("members", "Förbundet måste ha minst två huvudmän.");
        for (var i = 0; i < r.Members.Count; i++)
        {
            var m = r.Members[i];
            if (string.IsNullOrWhiteSpace(m.Key) || !System.Text.RegularExpressions.Regex.IsMatch(m.Key, "^[a-z0-9-]{1,40}$"))
                e.Add($"members[{i}].key", "Nyckel måste vara 1–40 gemena bokstäver a–z, siffror eller bindestreck.");
            if (string.IsNullOrWhiteSpace(m.Name)) e.Add($"members[{i}].name", "Huvudmannens namn måste fyllas i.");
            if (string.IsNullOrWhiteSpace(m.GenitiveName)) e.Add($"members[{i}].genitiveName", "Namnet i genitiv (t.ex. \"Försäkringskassans\") måste fyllas i.");
            if (!Enum.IsDefined(m.Kind)) e.Add($"members[{i}].kind", "Okänd typ av huvudman.");
            if (!string.IsNullOrWhiteSpace(m.OrganisationNumber) && !SwedishIdentifiers.IsValidOrganisationNumber(m.OrganisationNumber))
                e.Add($"members[{i}].organisationNumber", "Organisationsnumret är inte giltigt.");
        }
        if (r.Members.Where(m => m.Key is not null).GroupBy(m => m.Key).Any(g => g.Count() > 1))
            e.Add("members", "Två huvudmän har samma nyckel.");
        return e;
    }

    public async Task<Outcome<AssociationProfile>> HandleAsync(ClaimsPrincipal user, ProfileRequest r, CancellationToken ct)
    {
        var errors = Validate(r);
        if (!errors.IsEmpty) return Outcome<AssociationProfile>.Invalid(errors);
        var profile = await db.AssociationProfiles.SingleAsync(ct);
        if (r.FirstParagraphNumber != profile.FirstParagraphNumber && await LockedAtAsync(ct) is { } last)
            return Outcome<AssociationProfile>.Conflict(FirstNumberLocked(profile.FirstParagraphNumber, last));
        var before = JsonSerializer.Serialize(profile, FormJsonOptions.Options);
        var actor = Actor.From(user);
        var now = time.GetUtcNow();
        profile.Name = r.Name!.Trim();
        profile.RegistrationPrefix = r.RegistrationPrefix!;
        profile.FirstParagraphNumber = r.FirstParagraphNumber;
        profile.OrganisationNumber = string.IsNullOrWhiteSpace(r.OrganisationNumber) ? null : SwedishIdentifiers.FormatOrganisationNumber(r.OrganisationNumber);
        profile.Members = r.Members.Select(m => new Member(m.Key!, m.Name!.Trim(), m.GenitiveName!.Trim(), m.Kind,
            string.IsNullOrWhiteSpace(m.OrganisationNumber) ? null : SwedishIdentifiers.FormatOrganisationNumber(m.OrganisationNumber))).ToList();
        profile.UpdatedAt = now;
        profile.UpdatedBy = actor.Name;
        db.AuditEntries.Add(AuditEntry.Of(actor, now, nameof(AssociationProfile), "1", "profile.updated", before));
        await db.SaveChangesAsync(ct);
        store.Evict();
        return profile;
    }

    /// <summary>The last § given once the series has begun (then the first number is locked), else null.</summary>
    public async Task<int?> LockedAtAsync(CancellationToken ct)
    {
        foreach (var s in series)
            if (await s.LastGivenAsync(ct) is { } last) return last;
        return null;
    }

    public static string FirstNumberLocked(int first, int last) =>
        $"Första paragrafnummer är låst: serien har börjat (§ {first}–{last} är givna) och fortsätter från det senaste numret.";

    public static ProfileRequest ToRequest(AssociationProfile p) => new()
    {
        Name = p.Name,
        RegistrationPrefix = p.RegistrationPrefix,
        FirstParagraphNumber = p.FirstParagraphNumber,
        OrganisationNumber = p.OrganisationNumber,
        Members = p.Members.Select(m => new MemberRequest { Key = m.Key, Name = m.Name, GenitiveName = m.GenitiveName, Kind = m.Kind, OrganisationNumber = m.OrganisationNumber }).ToList(),
    };
}
