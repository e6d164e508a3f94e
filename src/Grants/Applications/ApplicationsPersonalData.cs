using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.Applications;

/// <summary>
/// Applications naming the person as contact, signatory or responsible for follow-up (by e-mail, or the signature by
/// name), with what they say about the person, and the organisation of an applicant account.
/// </summary>
public sealed class ApplicationsPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "ansökningar";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var organisationId = await db.Users.Where(u => u.Id == person.UserId).Select(u => u.OrganisationId).SingleAsync(ct);
        var organisation = organisationId is null ? null
            : await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { namn = o.Name, organisationsnummer = o.OrganisationNumber }).SingleOrDefaultAsync(ct);
        // The form is one JSON column; the register is small enough to filter here.
        var all = await db.Applications.AsNoTracking().Select(a => new { a.Id, a.RegistrationNumber, a.ProjectName, a.State, a.Form }).ToListAsync(ct);
        var email = person.Email ?? "\u0000";
        var rows = all.Select(a => new
            {
                a.Id,
                diarienummer = a.RegistrationNumber,
                projekt = a.ProjectName,
                status = a.State,
                kontaktperson = Same(a.Form.Organisation.Contact.Email, email) ? a.Form.Organisation.Contact : null,
                underskrift = Same(a.Form.Signature.Name, person.Name) || Same(a.Form.Signature.NameInPrint, person.Name) ? a.Form.Signature : null,
                uppföljningsansvarig = Same(a.Form.FollowUp.ResponsibleEmail, email) ? new { namn = a.Form.FollowUp.ResponsibleName, epost = a.Form.FollowUp.ResponsibleEmail } : null,
            })
            .Where(r => r.kontaktperson is not null || r.underskrift is not null || r.uppföljningsansvarig is not null)
            .ToList();
        return new { organisation, ansökningar = rows };
    }

    private static bool Same(string? stored, string wanted) =>
        !string.IsNullOrWhiteSpace(stored) && string.Equals(stored.Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase);
}
