namespace Grants.Economy;

/// <summary>
/// The förbund's economic room for new projects (ekonomiskt utrymme, § 600): forecast result incl.
/// carried-over surplus minus the recommended maximum equity. Read by the EKONOMISKT_UTRYMME rule and the
/// board's agenda. Null when it is not known (then nothing is judged against it).
/// </summary>
public interface IEconomicRoom
{
    Task<long?> CurrentAsync(DateOnly asOf, CancellationToken ct);
}
