namespace Grants.Eligibility;

/// <summary>The four levels a rule can have (rules/*.json, "level").</summary>
public static class FindingLevels
{
    /// <summary>The application cannot be processed; submit is refused while one stands.</summary>
    public const string Hinder = "Hinder";
    /// <summary>Grounds for rejection; <see cref="RuleFinding.Message"/> is the motivation, used verbatim after "Avslaget motiveras med att ".</summary>
    public const string RejectionGround = "Avslagsgrund";
    /// <summary>Something the LSG and the board should weigh.</summary>
    public const string Warning = "Varning";
    /// <summary>The decision must carry a condition; <see cref="RuleFinding.Clause"/> is the att-clause to prefill.</summary>
    public const string Condition = "Villkor";
}

/// <summary>
/// One rule's finding on one application. <see cref="Message"/> is the Swedish text with placeholders
/// filled; <see cref="Clause"/> is set for Villkor (e.g. "att samordningsförbundets medfinansiering sker under
/// förutsättning att ..."); <see cref="Fields"/> are the JSON paths of the form fields it points to.
/// </summary>
public sealed record RuleFinding(string Code, string Level, string Message, string? Clause, IReadOnlyList<string> Fields);

/// <summary>The findings stored for an application (the latest run), for the kansli, the LSG and the board's proposals.</summary>
public interface IEligibilityFindings
{
    Task<IReadOnlyList<RuleFinding>> LatestAsync(Guid applicationId, CancellationToken ct);
}
