namespace Grants.Shared;

/// <summary>An append-only record of a change: who, in which role, when, what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Role { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Details { get; set; }

    public static AuditEntry Of(Actor actor, DateTimeOffset at, string entityType, string entityId, string action, string? details = null) => new()
    {
        At = at,
        UserId = actor.UserId,
        UserName = actor.Name,
        Role = actor.Role,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        Details = details,
    };
}
