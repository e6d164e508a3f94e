namespace Grants.Privacy;

/// <summary>The person being anonymised: their account id, the address they had, and the pseudonym that replaces them.</summary>
public sealed record AnonymisedPerson(string UserId, string? FormerEmail, string Pseudonym);

/// <summary>
/// One feature's part of anonymisation: replaces the person's name and address in its own tables by the pseudonym,
/// within the caller's transaction (the same scoped context). Rows stay, so who did what remains attributable.
/// </summary>
public interface IPersonalDataAnonymiser
{
    Task AnonymiseAsync(AnonymisedPerson person, CancellationToken ct);
}
