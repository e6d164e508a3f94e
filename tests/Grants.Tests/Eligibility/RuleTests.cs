using Grants.Applications;
using Grants.Demo;
using Grants.Eligibility;

namespace Grants.Tests.Eligibility;

/// <summary>Every shipped rule fires on a case built from a seed case and stays silent on a close case beside it.</summary>
public sealed class RuleTests
{
    private static ApplicationForm Case(string key) => DemoApplications.Cases().Single(c => c.Key == key).Form;

    /// <summary>The findings of one code; every rule must also have been answerable (a local parameter must not throw on missing data).</summary>
    private static IEnumerable<RuleFinding> Found(ApplicationForm form, string code, long? room = ShippedRules.DemoRoom, ProgrammeFact? programme = null)
    {
        var evaluation = ShippedRules.Evaluate(form, room: room, programme: programme);
        evaluation.Errors.Should().BeEmpty();
        return evaluation.Findings.Where(f => f.Code == code);
    }

    [Fact]
    public void MINST_TVA_HUVUDMAN_counts_members_and_the_applicant_if_it_is_one()
    {
        var ready = Case("ready");
        ready.Cooperation.Members = [new MemberParticipation { MemberKey = "skelleftea" }];
        Found(ready, "MINST_TVA_HUVUDMAN").Single().Level.Should().Be(FindingLevels.Hinder);

        // Skellefteå kommun applies and Arbetsförmedlingen takes part: two.
        ready.Cooperation.Members = [new MemberParticipation { MemberKey = "af" }];
        Found(ready, "MINST_TVA_HUVUDMAN").Should().BeEmpty();

        // Medlefors folkhögskola is no member: Arbetsförmedlingen alone is one.
        var via = Case("via");
        via.Cooperation.Members = [new MemberParticipation { MemberKey = "af" }];
        Found(via, "MINST_TVA_HUVUDMAN").Single().Message.Should().Contain("Ansökan anger 1");
    }

    [Fact]
    public void MINST_TVA_HUVUDMAN_counts_two_kommuner_as_two_unless_the_rule_file_says_one_party()
    {
        var ready = Case("ready");
        ready.Cooperation.Members = [new MemberParticipation { MemberKey = "norsjo" }];
        Found(ready, "MINST_TVA_HUVUDMAN").Should().BeEmpty();

        var folder = ShippedRules.CopyWith("behorighet.json", t => t.Replace("\"Name\": \"kommunernaSomEnPart\", \"Expression\": \"false\"", "\"Name\": \"kommunernaSomEnPart\", \"Expression\": \"true\""));
        var asOne = RuleSetLoader.LoadFolder(folder);
        ShippedRules.Evaluate(ready, asOne).Findings.Should().Contain(f => f.Code == "MINST_TVA_HUVUDMAN");
    }

    [Fact]
    public void MALGRUPP_ASYLSOKANDE_fires_on_asylum_seekers_and_not_on_newly_arrived_with_permits()
    {
        Found(Case("solen"), "MALGRUPP_ASYLSOKANDE").Should().ContainSingle();
        var solen = Case("solen");
        solen.TargetGroup.Categories = [TargetCategory.NyanlandaMedUppehallstillstand];
        Found(solen, "MALGRUPP_ASYLSOKANDE").Should().BeEmpty();
    }

    [Fact]
    public void DIREKTBIDRAG_SOCIALT_FORETAG_fires_on_a_social_enterprise_applicant_only()
    {
        Found(Case("vaxthuset"), "DIREKTBIDRAG_SOCIALT_FORETAG").Should().ContainSingle();
        var vaxthuset = Case("vaxthuset");
        vaxthuset.Organisation.Type = OrganisationType.Aktiebolag;
        Found(vaxthuset, "DIREKTBIDRAG_SOCIALT_FORETAG").Should().BeEmpty();
    }

    [Fact]
    public void ORDINARIE_UPPDRAG_fires_on_an_activity_of_the_ordinary_mandate_as_a_whole_word()
    {
        var ready = Case("ready");
        ready.Project.Activities += " Handläggarna upprättar SIP för varje elev.";
        var f = Found(ready, "ORDINARIE_UPPDRAG").Single();
        f.Level.Should().Be(FindingLevels.RejectionGround);
        f.Message.Should().Contain("(SIP)");

        var close = Case("ready");
        close.Project.Activities += " Eleverna gör studiebesök på Sipgatans verkstad.";
        Found(close, "ORDINARIE_UPPDRAG").Should().BeEmpty();
    }

    [Fact]
    public void KOSTNAD_PER_DELTAGARE_fires_above_the_threshold_and_not_at_it()
    {
        Found(Case("orienteringskurs"), "KOSTNAD_PER_DELTAGARE").Should().ContainSingle();
        // 400 000 a year over three years: 24 participants make exactly 50 000 per participant and year.
        var close = Case("orienteringskurs");
        close.TargetGroup.Participants = 24;
        Found(close, "KOSTNAD_PER_DELTAGARE").Should().BeEmpty();
        close.TargetGroup.Participants = 23;
        Found(close, "KOSTNAD_PER_DELTAGARE").Should().ContainSingle();
    }

    [Fact]
    public void TIDSBEGRANSAD_no_end_date_is_a_hinder_and_more_than_three_years_a_warning()
    {
        var ready = Case("ready");
        ready.Project.EndDate = null;
        Found(ready, "TIDSBEGRANSAD").Single().Level.Should().Be(FindingLevels.Hinder);

        var aktiv = Case("aktiv-uppfoljning"); // 2015-06-01 – 2017-12-31: 31 months
        Found(aktiv, "TIDSBEGRANSAD").Should().BeEmpty();
        aktiv.Project.StartDate = new DateOnly(2015, 1, 1);
        aktiv.Project.EndDate = new DateOnly(2017, 12, 31); // exactly three years
        Found(aktiv, "TIDSBEGRANSAD").Should().BeEmpty();
        aktiv.Project.EndDate = new DateOnly(2018, 1, 1);
        Found(aktiv, "TIDSBEGRANSAD").Single().Level.Should().Be(FindingLevels.Warning);

        var noPlan = Case("ready");
        noPlan.Project.Implementation = " ";
        Found(noPlan, "TIDSBEGRANSAD").Single().Fields.Should().Equal("project.implementation");
    }

    [Fact]
    public void MALGRUPP_ALDER_is_a_hinder_outside_working_age_a_warning_partly_outside_and_a_programme_narrows_it()
    {
        var ready = Case("ready");
        (ready.TargetGroup.AgeMin, ready.TargetGroup.AgeMax) = (65, 80);
        Found(ready, "MALGRUPP_ALDER").Single().Level.Should().Be(FindingLevels.Hinder);
        (ready.TargetGroup.AgeMin, ready.TargetGroup.AgeMax) = (16, 64);
        Found(ready, "MALGRUPP_ALDER").Should().BeEmpty();
        // VIA's 15–64 (§ 602, granted): partly outside, for the LSG to weigh.
        Found(Case("via"), "MALGRUPP_ALDER").Single().Level.Should().Be(FindingLevels.Warning);

        var ciceron = new ProgrammeFact("Ciceron", null, null, 16, 29, null, null);
        (ready.TargetGroup.AgeMin, ready.TargetGroup.AgeMax) = (30, 45);
        var f = Found(ready, "MALGRUPP_ALDER", programme: ciceron).Single();
        f.Level.Should().Be(FindingLevels.Hinder);
        f.Message.Should().Contain("utlysningen Cicerons åldersram, 16–29 år");
        (ready.TargetGroup.AgeMin, ready.TargetGroup.AgeMax) = (18, 29);
        Found(ready, "MALGRUPP_ALDER", programme: ciceron).Should().BeEmpty();
    }

    [Fact]
    public void EKONOMISKT_UTRYMME_warns_when_the_amount_exceeds_the_room_and_is_silent_when_unknown()
    {
        var orientering = Case("orienteringskurs"); // 1 200 000
        Found(orientering, "EKONOMISKT_UTRYMME").Should().BeEmpty();
        Found(orientering, "EKONOMISKT_UTRYMME", room: 1_199_999).Single().Message.Should().Contain("1 200 000 kronor").And.Contain("1 199 999 kronor");
        Found(orientering, "EKONOMISKT_UTRYMME", room: null).Should().BeEmpty();
    }

    [Fact]
    public void MEDFINANSIERING_VANTAR_fires_while_a_funder_is_pending_and_not_once_all_granted()
    {
        Found(Case("via"), "MEDFINANSIERING_VANTAR").Should().ContainSingle();
        var via = Case("via");
        foreach (var f in via.Financing) (f.Status, f.DecisionDate) = (FunderStatus.Beviljad, new DateOnly(2015, 9, 1));
        Found(via, "MEDFINANSIERING_VANTAR").Should().BeEmpty();
    }

    [Fact]
    public void FULLSTANDIG_ANSOKAN_points_at_each_missing_part()
    {
        var form = Case("ready");
        form.Project.Goals = [" "];
        form.FollowUp.ResponsibleName = null;
        form.Budget = [];
        form.Signature.Date = null;
        Found(form, "FULLSTANDIG_ANSOKAN").SelectMany(f => f.Fields).Should()
            .BeEquivalentTo("project.goals", "followUp.responsibleName", "budget", "signature.date");
        Found(Case("ready"), "FULLSTANDIG_ANSOKAN").Should().BeEmpty();
    }

    [Fact]
    public void A_programme_closing_date_and_cost_ceiling_are_read_from_the_call()
    {
        var call = new ProgrammeFact("Unga vuxna", null, null, 16, 29, 400_000, new DateTime(2015, 5, 10));
        var ready = Case("ready"); // 430 000, judged on 2015-05-15
        Found(ready, "UTLYSNING_STANGD", programme: call).Single().Message.Should().Contain("stängde 2015-05-10");
        Found(ready, "UTLYSNING_KOSTNADSTAK", programme: call).Single().Level.Should().Be(FindingLevels.Warning);
        var open = call with { ClosingDate = new DateTime(2015, 5, 15), CostCeiling = 430_000 };
        Found(ready, "UTLYSNING_STANGD", programme: open).Should().BeEmpty();
        Found(ready, "UTLYSNING_KOSTNADSTAK", programme: open).Should().BeEmpty();
    }
}
