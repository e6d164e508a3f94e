using Grants.Shared;

namespace Grants.Organisations;

/// <summary>A person as the organisation pages see them (the accounts belong to Identity); Confirmed: the address is confirmed.</summary>
public sealed record Person(string Id, string Name, string Email, Guid? OrganisationId, bool Active, bool Confirmed);

/// <summary>A colleague accepting an invitation without an account yet.</summary>
public sealed record NewMember(string? Name, string Email, string? Password, string? Confirm);

/// <summary>What the organisation feature needs from the accounts, implemented by Identity.</summary>
public interface IOrganisationMembers
{
    Task<IReadOnlyList<Person>> MembersAsync(IReadOnlyCollection<Guid> organisations, CancellationToken ct);
    Task<IReadOnlyDictionary<string, Person>> PeopleAsync(IReadOnlyCollection<string> ids, CancellationToken ct);
    Task<Person?> ByEmailAsync(string email, CancellationToken ct);

    /// <summary>Binds the account to the organisation in the caller's unit of work; its sessions pick it up on the next request.</summary>
    Task JoinAsync(Shared.Actor by, string userId, Guid organisationId, CancellationToken ct);

    /// <summary>
    /// Unbinds the account from the organisation in the caller's unit of work and renews its security stamp, so every
    /// session (cookie or bearer token) ends on its next request.
    /// </summary>
    Task LeaveAsync(Shared.Actor by, string userId, Guid organisationId, CancellationToken ct);

    /// <summary>Creates a confirmed, active applicant account in the organisation (the invitation link proved the address).</summary>
    Task<Outcome<Person>> CreateMemberAsync(NewMember member, Guid organisationId, CancellationToken ct);
}
