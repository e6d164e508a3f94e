using System.Net;
using System.Text.Json.Nodes;
using Grants.Applications;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Applications;

/// <summary>
/// The paged applications list (API and page): pages of at most 100 with total and links, the filter kept across
/// pages, a Sökande's status filter no finer than its labels, and bad paging values refused with the field named.
/// </summary>
public sealed class ApplicationListTests(ApplicationListTests.ManyApplications app) : IClassFixture<ApplicationListTests.ManyApplications>
{
    /// <summary>The demo plus <see cref="Received"/> received and <see cref="AdvisedAgainst"/> avstyrkta applications of the applicant's organisation, all named "LISTA …".</summary>
    public sealed class ManyApplications : GrantsApp
    {
        public const int Received = 57;
        public const int AdvisedAgainst = 4;

        public override async Task InitializeAsync()
        {
            using var scope = Services.CreateScope();
            await SeedAsync(scope.ServiceProvider.GetRequiredService<GrantsDbContext>(), Received, AdvisedAgainst);
        }
    }

    /// <summary>Rows written directly (not through the use cases), each with its own diarienummer and change time.</summary>
    internal static async Task SeedAsync(GrantsDbContext db, int received, int advisedAgainst)
    {
        var org = await db.Organisations.SingleAsync(o => o.OrganisationNumber == SwedishIdentifiers.Digits(Forms.ApplicantOrgNr));
        var at = GrantsApp.DefaultStart.AddDays(-30);
        for (var i = 1; i <= received + advisedAgainst; i++)
        {
            var when = at.AddMinutes(i);
            db.Applications.Add(new Application
            {
                OrganisationId = org.Id, ProjectName = $"LISTA {i:D3}", AmountApplied = 1000 * i,
                State = i <= received ? ApplicationStates.Received : ApplicationStates.AdvisedAgainst,
                CreatedAt = when, UpdatedAt = when, CreatedBy = "test", UpdatedBy = "test", CreatedByRole = "Sökande",
                ReceivedAt = when, ArrivalDate = DateOnly.FromDateTime(when.Date),
                RegistrationNumber = $"LST 2026/{i}", RegistrationYear = 1900, RegistrationSequence = i,
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Api_pages_with_total_and_links_and_keeps_the_filter_to_the_last_page()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var seen = new List<string>();
        string? next = "/api/applications?pageSize=10&status=inkommen&search=lista";
        var pages = 0;
        while (next is not null)
        {
            var page = JsonNode.Parse(await kansli.GetStringAsync(next))!.AsObject();
            pages++;
            page["total"]!.GetValue<int>().Should().Be(ManyApplications.Received);
            page["totalPages"]!.GetValue<int>().Should().Be(6);
            page["page"]!.GetValue<int>().Should().Be(pages);
            var items = page["items"]!.AsArray();
            items.Count.Should().Be(pages < 6 ? 10 : 7);
            items.Select(i => i!["state"]!.GetValue<string>()).Should().OnlyContain(s => s == ApplicationStates.Received);
            seen.AddRange(items.Select(i => i!["projectName"]!.GetValue<string>()));
            (page["previous"]?.GetValue<string>() is null).Should().Be(pages == 1);
            next = page["next"]?.GetValue<string>();
            if (next is not null) next.Should().Contain("status=inkommen").And.Contain("search=lista").And.Contain("pageSize=10");
        }
        pages.Should().Be(6);
        seen.Should().OnlyHaveUniqueItems().And.HaveCount(ManyApplications.Received);
        seen.First().Should().Be($"LISTA {ManyApplications.Received:D3}", "the latest changed comes first");

        var byNumber = JsonNode.Parse(await kansli.GetStringAsync("/api/applications?search=LST%202026/12"))!.AsObject();
        byNumber["items"]!.AsArray().Select(i => i!["registrationNumber"]!.GetValue<string>()).Should().BeEquivalentTo(["LST 2026/12"]);
    }

    [Fact]
    public async Task Default_page_holds_25_and_no_page_holds_more_than_100()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var first = JsonNode.Parse(await kansli.GetStringAsync("/api/applications"))!.AsObject();
        first["pageSize"]!.GetValue<int>().Should().Be(ListApplications.DefaultPageSize);
        first["items"]!.AsArray().Count.Should().Be(ListApplications.DefaultPageSize);
        first["total"]!.GetValue<int>().Should().BeGreaterThan(ManyApplications.Received + ManyApplications.AdvisedAgainst);
        var all = await kansli.ListAllApplicationsAsync();
        all.Count.Should().Be(first["total"]!.GetValue<int>());
        // Past the end answers the last page rather than nothing.
        var beyond = JsonNode.Parse(await kansli.GetStringAsync("/api/applications?page=999999&pageSize=100"))!.AsObject();
        beyond["page"]!.GetValue<int>().Should().Be(beyond["totalPages"]!.GetValue<int>());
        beyond["next"].Should().BeNull();
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=1e3", "pageSize")]
    [InlineData("status=finns-inte", "status")]
    public async Task Bad_paging_or_filter_values_answer_400_naming_the_field(string query, string field)
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var errors = await (await kansli.GetAsync($"/api/applications?{query}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().Equal(field);
        errors[field].Single().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Search_ignores_case_in_å_ä_ö_too()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var org = await db.Organisations.SingleAsync(o => o.OrganisationNumber == SwedishIdentifiers.Digits(Forms.ApplicantOrgNr));
            var at = GrantsApp.DefaultStart.AddDays(-40);
            db.Applications.Add(new Application
            {
                OrganisationId = org.Id, ProjectName = "Östersunds ÅTERSTART för äldre", AmountApplied = 1000,
                State = ApplicationStates.Received, CreatedAt = at, UpdatedAt = at, CreatedBy = "test", UpdatedBy = "test", CreatedByRole = "Sökande",
                ReceivedAt = at, ArrivalDate = DateOnly.FromDateTime(at.Date),
                RegistrationNumber = "ÅLT 2026/1", RegistrationYear = 1901, RegistrationSequence = 1,
            });
            await db.SaveChangesAsync();
        }
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        // Each request takes a connection (and, after the first, a pooled one) of its own.
        foreach (var term in new[] { "östersund", "ÖSTERSUNDS", "återstart", "ÄLDRE", "ålt 2026/1", "Äldre" })
        {
            var page = JsonNode.Parse(await kansli.GetStringAsync($"/api/applications?search={Uri.EscapeDataString(term)}"))!.AsObject();
            page["items"]!.AsArray().Select(i => i!["projectName"]!.GetValue<string>()).Should().Equal(["Östersunds ÅTERSTART för äldre"], term);
        }
    }

    [Fact]
    public async Task Upper_and_lower_change_å_ä_ö_on_every_pooled_connection()
    {
        // Each scope is a new connection object over a pooled handle; the functions live on the handle, and
        // Microsoft.Data.Sqlite once removed them from a pooled handle (upper() then refused to run).
        for (var i = 0; i < 4; i++)
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            (await db.Database.SqlQueryRaw<string>("SELECT upper('åäö x') AS \"Value\"").SingleAsync()).Should().Be("ÅÄÖ X", $"connection {i}");
            (await db.Database.SqlQueryRaw<string>("SELECT lower('ÅÄÖ X') AS \"Value\"").SingleAsync()).Should().Be("åäö x", $"connection {i}");
        }
    }

    [Fact]
    public async Task Too_long_search_answers_400_naming_search()
    {
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var errors = await (await kansli.GetAsync($"/api/applications?search={new string('x', ListApplications.MaxSearchLength + 1)}")).ExpectProblemAsync(HttpStatusCode.BadRequest);
        errors.Keys.Should().Equal("search");
    }

    [Fact]
    public async Task Applicant_status_filter_selects_by_its_own_label_and_reveals_no_internal_state()
    {
        var applicant = await app.BearerClientAsync(Login.Applicant);
        // avstyrkt and under-beredning are both "Under handläggning" to a Sökande: filtering by either gives the same rows.
        var advised = JsonNode.Parse(await applicant.GetStringAsync("/api/applications?status=avstyrkt&search=lista&pageSize=100"))!.AsObject();
        var preparing = JsonNode.Parse(await applicant.GetStringAsync("/api/applications?status=under-beredning&search=lista&pageSize=100"))!.AsObject();
        advised["total"]!.GetValue<int>().Should().Be(ManyApplications.AdvisedAgainst);
        preparing["items"]!.ToJsonString().Should().Be(advised["items"]!.ToJsonString());

        var other = await app.BearerClientAsync(Login.OtherApplicant);
        var none = JsonNode.Parse(await other.GetStringAsync("/api/applications?search=lista"))!.AsObject();
        none["total"]!.GetValue<int>().Should().Be(0, "another organisation's applications are not in its list");
    }

    [Fact]
    public async Task Page_shows_one_page_with_an_accessible_pager_that_keeps_the_filter()
    {
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var html = await kansli.GetStringAsync("/Applications?status=inkommen&search=lista&page=2");
        html.Should().Contain("<nav class=\"pager\" id=\"page\" aria-label=\"Sidor i listan över ansökningar\">");
        html.Should().Contain("aria-current=\"page\"><span class=\"visually-hidden\">Sida </span>2</a>");
        html.Should().Contain("href=\"/Applications?status=inkommen&amp;search=lista&amp;page=3\" rel=\"next\"");
        html.Should().Contain("href=\"/Applications?status=inkommen&amp;search=lista\" rel=\"prev\"");
        html.Should().Contain($"{ManyApplications.Received} ansökningar matchar. Sida 2 av 3.");
        html.Should().Contain("<option value=\"inkommen\" selected=\"selected\">");
        html.Split("<tr>").Length.Should().Be(1 + 1 + ListApplications.DefaultPageSize, "the header row and one page of rows");

        var refused = await kansli.GetAsync("/Applications?page=noll&status=finns-inte");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await refused.Content.ReadAsStringAsync();
        body.Should().Contain("error-summary").And.Contain("Ange sidan som ett heltal från 1.").And.Contain("Det finns ingen sådan status.");
        body.Should().Contain("Sida 1 av", "the list without the refused parts");
    }

    [Fact]
    public async Task Start_page_shows_at_most_the_limit_and_says_how_many_there_are()
    {
        var applicant = await app.CookieClientAsync(Login.Applicant);
        var html = await applicant.GetStringAsync("/");
        var section = html[html.IndexOf("Mina ansökningar", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        section.Split("<li class=\"task").Length.Should().Be(1 + ApplicationsStartSection.Limit);
        section.Should().Contain($"Här visas {ApplicationsStartSection.Limit} av ");
    }
}
