using Grants.Demo;
using Grants.Eligibility;

namespace Grants.Tests.Eligibility;

/// <summary>The shipped rules over the eight cases of seeds/004 give what the board found (§ 601–606, items 4–5).</summary>
public sealed class SeedCaseTests
{
    private static RuleEvaluation Of(string key) => ShippedRules.Evaluate(DemoApplications.Cases().Single(c => c.Key == key).Form);

    [Fact]
    public void Every_case_evaluates_without_rule_errors()
    {
        foreach (var c in DemoApplications.Cases())
            ShippedRules.Evaluate(c.Form).Errors.Should().BeEmpty(c.Key);
    }

    [Theory]
    [InlineData("ready")]
    [InlineData("knutn")]
    public void Ready_and_Knutn_pass_every_rule(string key)
    {
        Of(key).Findings.Should().BeEmpty();
    }

    [Fact]
    public void Orienteringskurs_has_few_participants_for_its_cost()
    {
        var f = Of("orienteringskurs").Findings.Single(x => x.Code == "KOSTNAD_PER_DELTAGARE");
        f.Level.Should().Be(FindingLevels.Warning);
        // 400 000 a year, 12 participants spread over three years: 100 000 kronor per participant and year.
        f.Message.Should().Contain("100 000 kronor per deltagare och år").And.Contain("50 000 kronor");
        f.Fields.Should().Contain("targetGroup.participants");
        Of("orienteringskurs").Findings.Should().NotContain(x => x.Level == FindingLevels.Hinder);
    }

    [Fact]
    public void Vaxthuset_is_a_direct_grant_to_a_social_enterprise()
    {
        var f = Of("vaxthuset").Findings.Single(x => x.Code == "DIREKTBIDRAG_SOCIALT_FORETAG");
        f.Level.Should().Be(FindingLevels.RejectionGround);
        ("Avslaget motiveras med att " + f.Message + ".").Should().Be(
            "Avslaget motiveras med att ekonomiska direktbidrag till sociala företag inte bör ingå i samordningsförbundets stödstruktur " +
            "och att mer neutrala stödformer i första hand ska eftersträvas.");
    }

    [Theory]
    [InlineData("solen")]
    [InlineData("migrantmodrar")]
    public void Asylum_seekers_are_refused_with_the_members_named(string key)
    {
        var f = Of(key).Findings.Single(x => x.Code == "MALGRUPP_ASYLSOKANDE");
        f.Level.Should().Be(FindingLevels.RejectionGround);
        f.Message.Should().Be("ansvaret för asylsökande inte ligger inom Försäkringskassans, Arbetsförmedlingens, Skellefteå kommuns, " +
                              "Norsjö kommuns och Region Västerbottens samlade ansvarsområde utan tillhör Migrationsverket");
        f.Fields.Should().Equal("targetGroup.categories");
    }

    [Fact]
    public void Via_waits_on_its_cofinanciers_and_is_not_an_asylum_case()
    {
        var e = Of("via");
        e.Findings.Select(x => x.Code).Should().Contain("MEDFINANSIERING_VANTAR").And.NotContain("MALGRUPP_ASYLSOKANDE");
        var f = e.Findings.Single(x => x.Code == "MEDFINANSIERING_VANTAR");
        f.Level.Should().Be(FindingLevels.Condition);
        f.Clause.Should().Be("att samordningsförbundets medfinansiering sker under förutsättning att Medlefors folkhögskola beviljas ansökta medel " +
                             "från Europeiska socialfonden (Svenska ESF-rådet), PO 2 mål 2.3 och Skellefteå kommun");
        e.HasHinder.Should().BeFalse("VIA was granted (§ 602)");
    }

    [Fact]
    public void No_received_case_has_a_hinder()
    {
        foreach (var c in DemoApplications.Cases())
            ShippedRules.Evaluate(c.Form).HasHinder.Should().BeFalse(c.Key);
    }
}
