using Grants.Applications;
using Grants.Infrastructure;

namespace Grants.Demo;

/// <summary>The eight cases of seeds/004 as demo applications (filled in by the demo-data task).</summary>
public static class DemoApplications
{
    public sealed record DemoOrganisation(string Name, string OrganisationNumber);

    public static readonly DemoOrganisation[] Organisations =
    [
        new("Skellefteå kommun", "212000-2643"),
        new("Norsjö kommun", "212000-2858"),
    ];

    public static Task LoadAsync(GrantsDbContext db, DateTimeOffset now) => Task.CompletedTask;
}
