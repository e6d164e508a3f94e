using Grants.Infrastructure;
using Grants.Minutes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Minutes.Documents;

/// <summary>
/// An in-process IMinutesSource over <see cref="SeedMinutes"/>, linked to the demo applications in the test
/// database. Stands in only until the board's real source is merged (then these tests switch to it).
/// Knows two meetings: the adjusted minutes and the same minutes as an unadjusted draft.
/// </summary>
public sealed class SeedMinutesSource(GrantsDbContext db) : IMinutesSource
{
    public async Task<MinutesDocument?> ForMeetingAsync(Guid meetingId, CancellationToken ct)
    {
        if (meetingId != SeedMinutes.AdjustedMeetingId && meetingId != SeedMinutes.DraftMeetingId) return null;
        var applications = (await db.Applications.AsNoTracking().Select(a => new { a.ProjectName, a.Id, a.RegistrationNumber }).ToListAsync(ct))
            .GroupBy(a => a.ProjectName).ToDictionary(g => g.Key, g => (g.First().Id, g.First().RegistrationNumber));
        return SeedMinutes.Build(meetingId, meetingId == SeedMinutes.AdjustedMeetingId, applications);
    }

    public static void Register(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s.AddScoped<IMinutesSource, SeedMinutesSource>());
}

/// <summary>The whole app with <see cref="SeedMinutesSource"/> registered.</summary>
public class DocumentsApp : Infrastructure.GrantsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SeedMinutesSource.Register(builder);
    }
}

/// <summary>The app on Kestrel with Chromium, with <see cref="SeedMinutesSource"/> registered.</summary>
public class DocumentsBrowserApp : Infrastructure.BrowserApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SeedMinutesSource.Register(builder);
    }
}

/// <summary>The app with a soffice path that does not exist: PDFs cannot be made.</summary>
public sealed class DocumentsAppWithoutSoffice : DocumentsApp
{
    public const string MissingSoffice = "/saknas/libreoffice/soffice";

    public DocumentsAppWithoutSoffice() => With("Documents:SofficePath", MissingSoffice);
}
