using Grants.Demo;
using Grants.Eligibility;
using Grants.Tests.Infrastructure;

namespace Grants.Tests.Eligibility;

/// <summary>A broken rule file stops the start naming file, rule and error; a changed threshold changes the outcome without a rebuild.</summary>
public sealed class RuleLoadingTests
{
    private static string Broken(string file, string from, string to)
    {
        var folder = ShippedRules.CopyWith(file, t =>
        {
            t.Should().Contain(from, "the test edits a known passage of the shipped file");
            return t.Replace(from, to);
        });
        return folder;
    }

    public static TheoryData<string, string, string, string[]> BrokenFiles => new()
    {
        { "bedomning.json", "\"Rules\": [", "\"Rules\": [ {,", ["bedomning.json", "ogiltig JSON"] },
        { "bedomning.json", "input.TargetCategories.Contains(\\\"Asylsokande\\\")", "input.TargetCategorys.Contains(\\\"Asylsokande\\\")",
            ["bedomning.json", "Asylsökande är Migrationsverkets ansvar", "kan inte kompileras", "TargetCategorys"] },
        { "bedomning.json", "\"code\": \"DIREKTBIDRAG_SOCIALT_FORETAG\",", "", ["bedomning.json", "Inga direktbidrag till sociala företag", "Properties.code saknas"] },
        { "behorighet.json", "\"level\": \"Hinder\",\n          \"message\": \"Projektet saknar slutdatum", "\"level\": \"Stopp\",\n          \"message\": \"Projektet saknar slutdatum",
            ["behorighet.json", "Projektet har ett slutdatum", "okänd nivå"] },
        { "bedomning.json", "\"message\": \"Medfinansiering från {vantandeFinansiarer}", "\"message\": \"Medfinansiering från {finansiarer}",
            ["bedomning.json", "Medfinansiering som väntar på beslut", "{finansiarer}"] },
        { "bedomning.json", "\"clause\": \"att samordningsförbundets", "\"klausul\": \"att samordningsförbundets",
            ["bedomning.json", "Medfinansiering som väntar på beslut", "clause"] },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_rule_file_is_refused_naming_file_rule_and_error(string file, string from, string to, string[] expected)
    {
        var folder = Broken(file, from, to);
        var e = Assert.Throws<RuleDefinitionException>(() => RuleSetLoader.LoadFolder(folder));
        foreach (var part in expected) e.Message.Should().Contain(part);
    }

    [Fact]
    public async Task The_application_refuses_to_start_with_a_broken_rule_file()
    {
        var folder = Broken("bedomning.json", "input.TargetCategories.Contains(\\\"Asylsokande\\\")", "input.TargetCategories.Contains(Asylsokande)");
        var app = new GrantsApp().With("Rules:Folder", folder);
        try
        {
            var e = Assert.ThrowsAny<Exception>(() => app.Services);
            var message = string.Join(" | ", Chain(e).Select(x => x.Message));
            message.Should().Contain("bedomning.json").And.Contain("Asylsökande är Migrationsverkets ansvar").And.Contain("Asylsokande");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public void Changing_a_threshold_in_the_json_changes_the_outcome_without_a_rebuild()
    {
        var aktiv = DemoApplications.Cases().Single(c => c.Key == "aktiv-uppfoljning").Form; // 30 000 per participant and year
        ShippedRules.Evaluate(aktiv).Findings.Should().NotContain(f => f.Code == "KOSTNAD_PER_DELTAGARE");

        var folder = Broken("bedomning.json", "\"Expression\": \"50000L\"", "\"Expression\": \"25000L\"");
        var changed = RuleSetLoader.LoadFolder(folder);
        ShippedRules.Evaluate(aktiv, changed).Findings.Single(f => f.Code == "KOSTNAD_PER_DELTAGARE").Message.Should().Contain("25 000 kronor");
        changed.Version.Should().NotBe(ShippedRules.Shipped.Version);
        changed.Files.Single(f => f.Name == "bedomning.json").Hash.Should().NotBe(ShippedRules.Shipped.Files.Single(f => f.Name == "bedomning.json").Hash);
    }

    [Fact]
    public async Task A_changed_rule_folder_changes_what_the_running_application_finds()
    {
        // The complete test form: 430 000 in its largest year, two years, 25 participants = 34 400 per participant and year.
        var folder = Broken("bedomning.json", "\"Expression\": \"50000L\"", "\"Expression\": \"30000L\"");
        var app = new GrantsApp().With("Rules:Folder", folder);
        try
        {
            var client = await app.BearerClientAsync(Login.EmailOf(Grants.Identity.Roles.Applicant));
            var body = await (await client.PostJsonAsync("/api/eligibility/check", Forms.Complete())).ExpectJsonAsync(System.Net.HttpStatusCode.OK);
            body["findings"]!.AsArray().Select(f => (string)f!["message"]!).Should()
                .Contain("Nettokostnaden är 34 400 kronor per deltagare och år, över riktvärdet 30 000 kronor: få deltagare i förhållande till kostnaden.");
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public void A_rule_that_throws_is_reported_as_an_error_of_that_rule_never_as_not_met()
    {
        var folder = Broken("bedomning.json", "input.EconomicRoom != null && input.NetCost > input.EconomicRoom",
            "input.NetCost / (input.Participants.Value - input.Participants.Value) > 0");
        var set = RuleSetLoader.LoadFolder(folder);
        var ready = DemoApplications.Cases().Single(c => c.Key == "ready").Form;
        var e = ShippedRules.Evaluate(ready, set);
        var error = e.Errors.Single();
        (error.File, error.Rule, error.Code).Should().Be(("bedomning.json", "Sökt belopp ryms i det ekonomiska utrymmet", "EKONOMISKT_UTRYMME"));
        error.Error.Should().Contain("division med noll");
        e.Findings.Should().NotContain(f => f.Code == "EKONOMISKT_UTRYMME");
    }

    [Fact]
    public void The_start_folder_resolves_relative_to_the_content_root_with_the_build_copy_as_fallback()
    {
        Grants.Eligibility.RuleBook.Resolve("../../rules", Path.Combine(RepoPaths.Root, "src", "Grants")).Should().Be(ShippedRules.Folder);
        Grants.Eligibility.RuleBook.Resolve("no-such-folder", Path.GetTempPath()).Should().Be(Path.Combine(AppContext.BaseDirectory, "rules"));
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException a) foreach (var inner in a.InnerExceptions) yield return inner;
    }
}
