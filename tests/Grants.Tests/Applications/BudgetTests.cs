using Grants.Applications;

namespace Grants.Tests.Applications;

public sealed class BudgetTests
{
    [Fact]
    public void READY_like_budget_with_only_personnel_computes_its_sums()
    {
        // The READY form in seeds/004 shows "Summa kostnader 0" beside 430 000 in Personal: sums are computed, never typed.
        var totals = Budget.Compute([new BudgetYear { Year = 2015, Personnel = 430_000 }]);
        totals.TotalCosts.Should().Be(430_000);
        totals.NetCost.Should().Be(430_000);
        totals.AmountApplied.Should().Be(430_000);
        totals.Years.Should().ContainSingle().Which.Should().Be(new BudgetYearTotals(2015, 430_000, 0, 430_000));
    }

    [Fact]
    public void Two_years_sum_per_row_and_per_year_and_income_is_deducted()
    {
        var totals = Budget.Compute(
        [
            new BudgetYear { Year = 2016, Personnel = 100_000, Premises = 10_000, Other = 5_000, Evaluation = 1_000, Income = 16_000 },
            new BudgetYear { Year = 2015, Personnel = 200_000, Premises = 20_000, Other = 30_000, Evaluation = 16_000, Income = 0 },
        ]);
        totals.Years.Select(y => y.Year).Should().Equal(2015, 2016);
        totals.Years[0].Should().Be(new BudgetYearTotals(2015, 266_000, 0, 266_000));
        totals.Years[1].Should().Be(new BudgetYearTotals(2016, 116_000, 16_000, 100_000));
        totals.Personnel.Should().Be(300_000);
        totals.Premises.Should().Be(30_000);
        totals.Other.Should().Be(35_000);
        totals.Evaluation.Should().Be(17_000);
        totals.TotalCosts.Should().Be(382_000);
        totals.Income.Should().Be(16_000);
        totals.NetCost.Should().Be(366_000);
        totals.AmountApplied.Should().Be(totals.NetCost);
    }

    [Fact]
    public void An_empty_budget_sums_to_zero()
    {
        var totals = Budget.Compute([]);
        totals.Years.Should().BeEmpty();
        totals.AmountApplied.Should().Be(0);
    }

    [Fact]
    public void The_form_exposes_the_computed_totals_and_typed_sums_in_json_are_ignored()
    {
        var form = System.Text.Json.JsonSerializer.Deserialize<ApplicationForm>(
            """{"budget":[{"year":2015,"personnel":430000,"totalCosts":0,"netCost":0}],"totals":{"netCost":0}}""",
            FormJsonOptions.Options)!;
        form.Totals.AmountApplied.Should().Be(430_000);
        form.Budget[0].TotalCosts.Should().Be(430_000);
    }
}
