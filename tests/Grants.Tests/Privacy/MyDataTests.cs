using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grants.Infrastructure;
using Grants.Mail;
using Grants.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Privacy;

/// <summary>"Mina uppgifter": a signed-in person downloads what is stored about them, and nothing about anyone else.</summary>
public sealed class MyDataTests(PrivacyApp app) : IClassFixture<PrivacyApp>
{
    [Fact]
    public async Task An_applicant_gets_their_account_events_mails_and_applications_and_nothing_of_another_person()
    {
        Guid own, other;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
            var orgOf = await db.Users.Where(u => u.Email == Login.Applicant || u.Email == Login.OtherApplicant).ToDictionaryAsync(u => u.Email!, u => u.OrganisationId!.Value);
            var ownApp = await db.Applications.FirstAsync(a => a.OrganisationId == orgOf[Login.Applicant]);
            var otherApp = await db.Applications.FirstOrDefaultAsync(a => a.OrganisationId == orgOf[Login.OtherApplicant])
                ?? await db.Applications.FirstAsync(a => a.Id != ownApp.Id);
            (own, other) = (ownApp.Id, otherApp.Id);
            ownApp.Form = WithContact(ownApp.Form, Login.Applicant);
            otherApp.Form = WithContact(otherApp.Form, Login.OtherApplicant);
            db.OutboxMails.Add(new OutboxMail { Key = "privacy-own", To = $"Sara <{Login.Applicant.ToUpperInvariant()}>", Subject = "Till Sara", Body = "Hej Sara", CreatedAt = app.Time.GetUtcNow() });
            db.OutboxMails.Add(new OutboxMail { Key = "privacy-other", To = Login.OtherApplicant, Subject = "Till Nils", Body = "Hej Nils", CreatedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var client = await app.CookieClientAsync(Login.Applicant);
        (await client.GetAsync("/Privacy/MyData")).StatusCode.Should().Be(HttpStatusCode.OK);
        var response = await client.GetAsync("/Privacy/MyData?handler=Download");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("mina-uppgifter.json");
        var text = await response.Content.ReadAsStringAsync();
        var doc = JsonNode.Parse(text)!["avsnitt"]!;

        doc["konto"]!["epost"]!.GetValue<string>().Should().Be(Login.Applicant);
        doc["konto"]!["roller"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain(Grants.Identity.Roles.Applicant);
        doc["konto"]!["händelser"]!.AsArray().Should().Contain(e => e!["händelse"]!.GetValue<string>() == Grants.Identity.AccountAudit.SignedIn);
        doc["ansökningar"]!["organisation"]!["namn"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        var applications = doc["ansökningar"]!["ansökningar"]!.AsArray();
        applications.Select(a => a!["id"]!.GetValue<Guid>()).Should().Contain(own).And.NotContain(other);
        doc["e-post"]!.AsArray().Select(m => m!["ämne"]!.GetValue<string>()).Should().Contain("Till Sara").And.NotContain("Till Nils");

        text.Should().NotContainEquivalentOf(Login.OtherApplicant, "another person's data never appears")
            .And.NotContainEquivalentOf(Login.Secretariat).And.NotContain("Hej Nils");

        using var check = app.Services.CreateScope();
        (await check.ServiceProvider.GetRequiredService<GrantsDbContext>().AuditEntries
            .AnyAsync(a => a.Action == Grants.Privacy.DownloadMyData.Exported && a.UserName.StartsWith("Sara"))).Should().BeTrue("the export is audited");
    }

    [Fact]
    public async Task Every_role_gets_its_own_account_and_anonymous_is_sent_to_login()
    {
        foreach (var role in Grants.Identity.Roles.All)
        {
            var client = await app.CookieClientAsync(Login.EmailOf(role));
            var response = await client.GetAsync("/Privacy/MyData?handler=Download");
            response.StatusCode.Should().Be(HttpStatusCode.OK, role);
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["avsnitt"]!["konto"]!["epost"]!.GetValue<string>().Should().Be(Login.EmailOf(role));
        }
        var anonymous = await app.Anonymous().GetAsync("/Privacy/MyData?handler=Download");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    private static Grants.Applications.ApplicationForm WithContact(Grants.Applications.ApplicationForm form, string email)
    {
        var copy = JsonSerializer.Deserialize<Grants.Applications.ApplicationForm>(JsonSerializer.Serialize(form))!;
        copy.Organisation.Contact.Email = email;
        return copy;
    }
}
