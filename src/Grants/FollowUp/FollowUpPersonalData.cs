using Grants.Infrastructure;
using Grants.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Grants.FollowUp;

/// <summary>Projects where the person is responsible for reporting back.</summary>
public sealed class FollowUpPersonalData(GrantsDbContext db) : IPersonalDataSource
{
    public string Section => "uppföljning";

    public async Task<object?> CollectAsync(DataSubject person, CancellationToken ct)
    {
        var email = person.Email ?? "\u0000";
        return await db.ReportPlans.AsNoTracking()
            .Where(p => p.ResponsibleEmail == email)
            .Select(p => new { ansökan = p.ApplicationId, namn = p.ResponsibleName, epost = p.ResponsibleEmail, projektstart = p.ProjectStart, projektslut = p.ProjectEnd })
            .ToListAsync(ct);
    }
}
