using System.Net;
using Grants.Infrastructure;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Economy;

/// <summary>The pages' write handlers check the writer policy themselves (Razor Pages ignore handler attributes).</summary>
public sealed class EconomyPagesTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    [Theory]
    [InlineData(Login.Board)]
    [InlineData(Login.Admin)]
    public async Task A_reader_cannot_post_to_the_kansli_forms(string email)
    {
        var client = await app.CookieClientAsync(email);
        var page = await client.GetStringAsync("/Economy/Year?year=2015");
        page.Should().Contain("Budgetår 2015").And.NotContain("Ändra budgeten").And.NotContain("Stäng budgetår");
        var token = Login.AntiforgeryToken(page);
        var response = await client.PostAsync("/Economy/Year?year=2015&handler=Close", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Denied");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<GrantsDbContext>().BudgetYears.SingleAsync(y => y.Year == 2015)).Closed.Should().BeFalse();
    }

    [Fact]
    public async Task The_kansli_saves_a_budget_from_the_page_and_a_wrong_amount_is_named_without_writing()
    {
        var kansli = await app.CookieClientAsync(Login.Secretariat);
        var page = await kansli.GetStringAsync("/Economy/Year?year=2024");
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Login.AntiforgeryToken(page)), new("version", "0"),
            new("carriedOverSurplus", "100 000"), new("recommendedMaxEquity", "mycket"),
            new("contributionKey", "fk"), new("contributionAmount", "200 000"),
            new("contributionKey", "region-vb"), new("contributionAmount", "100 000"),
            new("contributionKey", "skelleftea"), new("contributionAmount", "100 000"),
        };
        var bad = await kansli.PostAsync("/Economy/Year?year=2024&handler=Budget", new FormUrlEncodedContent(form));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).Should().Contain("Ange beloppet i hela kronor med siffror").And.Contain("href=\"#recommendedMaxEquity\"");
        form[3] = new("recommendedMaxEquity", "50 000");
        var ok = await kansli.PostAsync("/Economy/Year?year=2024&handler=Budget", new FormUrlEncodedContent(form));
        ok.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var saved = await kansli.GetStringAsync("/Economy/Year?year=2024");
        saved.Should().Contain("200 000 kronor").And.Contain("Karin Kansli");
    }
}
