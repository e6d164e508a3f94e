using System.Text.Json.Serialization;

namespace Grants.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<BoardRole>))]
public enum BoardRole
{
    Ledamot,
    Ersattare,
    /// <summary>Not a board member: prepares the cases, usually the secretary.</summary>
    Forbundschef,
    Sekreterare,
}

[JsonConverter(typeof(JsonStringEnumConverter<BoardOffice>))]
public enum BoardOffice
{
    None,
    Ordforande,
    ViceOrdforande,
}

/// <summary>
/// A person on the board for one term: a ledamot or ersättare appointed by one member (huvudman, by its key in
/// the förbund profile), or the förbundschef/secretary. A Styrelse login is tied to its board member by e-mail.
/// A new term is a new row; old rows stay for the minutes that name them.
/// </summary>
public sealed class BoardMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>The appointing member's key; null for the förbundschef/secretary.</summary>
    public string? MemberKey { get; set; }
    public BoardRole Role { get; set; }
    public BoardOffice Office { get; set; }
    /// <summary>For an ersättare: the ledamot they stand in for.</summary>
    public Guid? DeputyForId { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public bool Serves(DateOnly date) => TermStart <= date && date <= TermEnd;
    public bool IsBoardMember => Role is BoardRole.Ledamot or BoardRole.Ersattare;

    public string RoleLabel => (Office, Role) switch
    {
        (BoardOffice.Ordforande, _) => "ordförande",
        (BoardOffice.ViceOrdforande, _) => "vice ordförande",
        (_, BoardRole.Ledamot) => "ledamot",
        (_, BoardRole.Ersattare) => "ersättare",
        (_, BoardRole.Forbundschef) => "förbundschef",
        _ => "sekreterare",
    };
}
