using Grants.Shared;

namespace Grants.Identity;

/// <summary>What self-registration needs from the organisation feature (implemented in Grants.Organisations).</summary>
public interface IApplicantOrganisations
{
    /// <summary>Notes the organisationsnummer a registering person named, replacing an earlier unconfirmed one.</summary>
    Task NoteAsync(string userId, string organisationNumber, string organisationName, CancellationToken ct);

    /// <summary>
    /// The person confirmed the address: creates the organisation with them as first member, or queues them for
    /// approval by a member or the kansli. Returns the Swedish text telling them which.
    /// </summary>
    Task<string> ConfirmedAsync(Actor self, string userId, CancellationToken ct);

    /// <summary>
    /// An unconfirmed registration is being deleted: removes its unconfirmed request, in the caller's unit of work.
    /// False (and nothing removed) when the organisation side holds anything else of the person.
    /// </summary>
    Task<bool> ForgetUnconfirmedAsync(string userId, CancellationToken ct);
}
