namespace Grants.Applications;

public sealed record BudgetYearTotals(int Year, long TotalCosts, long Income, long NetCost);

/// <summary>Totals for the whole budget. The amount applied for is the net total.</summary>
public sealed record BudgetTotals(
    IReadOnlyList<BudgetYearTotals> Years,
    long Personnel,
    long Premises,
    long Other,
    long Evaluation,
    long TotalCosts,
    long Income,
    long NetCost)
{
    public long AmountApplied => NetCost;
}

/// <summary>Budget arithmetic in one place; pages, API, rules and documents call this.</summary>
public static class Budget
{
    public static BudgetTotals Compute(IReadOnlyCollection<BudgetYear> years)
    {
        var ordered = years.OrderBy(y => y.Year).ToList();
        var perYear = ordered.Select(y => new BudgetYearTotals(y.Year, y.TotalCosts, y.Income, y.NetCost)).ToList();
        return new BudgetTotals(
            perYear,
            ordered.Sum(y => y.Personnel),
            ordered.Sum(y => y.Premises),
            ordered.Sum(y => y.Other),
            ordered.Sum(y => y.Evaluation),
            ordered.Sum(y => y.TotalCosts),
            ordered.Sum(y => y.Income),
            ordered.Sum(y => y.NetCost));
    }
}
