namespace Grants.Association;

/// <summary>The minutes' continuing § series (the board's feature keeps it): the last § given, or null before the first.</summary>
public interface IParagraphSeries
{
    Task<int?> LastGivenAsync(CancellationToken ct);
}
