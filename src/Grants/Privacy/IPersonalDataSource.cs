namespace Grants.Privacy;

/// <summary>The person whose data is collected: their account id, e-mail and name as stored now.</summary>
public sealed record DataSubject(string UserId, string? Email, string Name);

/// <summary>
/// One feature's part of "Mina uppgifter": what it stores about the person, as plain JSON-serialisable rows.
/// Each feature answers from its own tables; Privacy only gathers the sections.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>Section name in the download (Swedish, lower case).</summary>
    string Section { get; }

    Task<object?> CollectAsync(DataSubject person, CancellationToken ct);
}
