namespace Grants.Economy;

/// <summary>
/// What a project has reported spending (its ekonomiska redovisning) for one year. The follow-up feature implements
/// this from its economic accounts and registers it with AddScoped; until then <see cref="NoReportedSpending"/>
/// (registered with TryAdd) reports nothing, and the chart says so instead of showing zero.
/// </summary>
public interface IReportedSpending
{
    /// <summary>Reported spending per application for the year; an application missing from the answer has reported nothing.</summary>
    Task<IReadOnlyDictionary<Guid, long>> ForYearAsync(int year, CancellationToken ct);
}

public sealed class NoReportedSpending : IReportedSpending
{
    public Task<IReadOnlyDictionary<Guid, long>> ForYearAsync(int year, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<Guid, long>>(new Dictionary<Guid, long>());
}
