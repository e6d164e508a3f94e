using System.Net;
using System.Text;
using Grants.Shared;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Grants.Tests.Economy.EconomicReportTests;

namespace Grants.Tests.Shared;

/// <summary>Every time a person sees is Europe/Stockholm: an instant late in the UTC evening is the next day in Sweden.</summary>
public sealed class StockholmTimeTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Theory]
    [InlineData("2026-03-12T23:30:00Z", "2026-03-13 00:30", "2026-03-13")]
    [InlineData("2026-07-01T22:30:00Z", "2026-07-02 00:30", "2026-07-02")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25 02:30", "2026-10-25")]
    public void The_one_helper_shows_an_instant_in_Stockholm_time(string utc, string shown, string date)
    {
        var clock = app.Services.GetRequiredService<LocalClock>();
        clock.Format(DateTimeOffset.Parse(utc)).Should().Be(shown);
        clock.FormatDate(DateTimeOffset.Parse(utc)).Should().Be(date);
    }

    [Fact]
    public void A_spreadsheet_refuses_a_raw_instant_rather_than_print_it_in_UTC()
    {
        var sheet = new Spreadsheet("Test", ["Registrerad"]).Add(DateTimeOffset.Parse("2026-03-12T23:30:00Z"));
        sheet.Invoking(s => s.ToCsv()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task A_payment_registered_at_23_30_UTC_shows_the_next_Stockholm_day_in_the_export_and_on_the_page()
    {
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 12, 23, 30, 0, TimeSpan.Zero));
        var kansli = await app.BearerClientAsync(Login.Secretariat);
        var commitment = await Commit(kansli, "Projekt sent på kvällen", 100_000, 2019, "2019-01-15");
        (await Pay(kansli, commitment, "2019-02-01", 10_000)).StatusCode.Should().Be(HttpStatusCode.Created);

        var csv = Encoding.UTF8.GetString(await kansli.GetByteArrayAsync("/api/economy/exports/payments?year=2019&format=csv"));
        var row = csv.Split("\r\n").Single(l => l.Contains("Projekt sent på kvällen"));
        row.Should().Contain(";2026-03-13 00:30;").And.NotContain("2026-03-12 23:30");
        var page = await (await app.CookieClientAsync(Login.Secretariat)).GetStringAsync($"/Economy/Commitment?id={commitment}");
        page.Should().Contain("2026-03-13 00:30").And.NotContain("2026-03-12 23:30");
    }
}
