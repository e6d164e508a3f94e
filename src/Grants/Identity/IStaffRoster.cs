namespace Grants.Identity;

/// <summary>
/// A register that a staff role stands for (LSG: the LSG's members, Styrelse: the board). Invitations to the
/// role name a person already in the register, by the same e-mail address, so jäv and "who may sign" follow
/// the account (both registers find the signed-in person by that address).
/// </summary>
public interface IStaffRoster
{
    string Role { get; }

    /// <summary>Null when the address belongs to someone in the register; otherwise the Swedish reason it does not.</summary>
    Task<string?> ProblemAsync(string email, CancellationToken ct);
}
