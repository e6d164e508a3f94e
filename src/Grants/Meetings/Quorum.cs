using System.Text.Json.Serialization;

namespace Grants.Meetings;

/// <summary>How many of the ledamöter must take part for the board to decide (the förbundsordning says; Board:Quorum).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuorumRule>))]
public enum QuorumRule
{
    /// <summary>Fler än hälften av ledamöterna (kommunallagen's rule for a nämnd; the usual förbundsordning).</summary>
    MoreThanHalf,
    /// <summary>Minst hälften av ledamöterna.</summary>
    AtLeastHalf,
    /// <summary>Samtliga ledamöter (or their serving ersättare).</summary>
    All,
}

/// <summary>
/// Beslutförhet: the deciding (ledamöter present and ersättare serving for an absent ledamot — each fills one seat)
/// against the ledamöter serving on the meeting day. A member who declared jäv does not count for that item.
/// </summary>
public static class Quorum
{
    public static int Required(int seats, QuorumRule rule) => rule switch
    {
        QuorumRule.AtLeastHalf => (seats + 1) / 2,
        QuorumRule.All => seats,
        _ => seats / 2 + 1,
    };

    /// <summary>Null when the item may be decided; else why not, in Swedish.</summary>
    public static string? Refusal(Meeting meeting, IEnumerable<BoardMember> board, ItemDecision? decision, QuorumRule rule)
    {
        var seats = board.Count(m => m.Role == BoardRole.Ledamot && m.Serves(meeting.Date));
        if (seats == 0) return "Styrelsen har inga ledamöter för sammanträdesdagen; lägg in styrelsen innan beslut registreras.";
        var required = Required(seats, rule);
        var deciding = meeting.Attendance.Deciding.Count;
        if (deciding < required)
            return $"Styrelsen är inte beslutför: {deciding} av {seats} ledamöter (eller tjänstgörande ersättare) är registrerade som beslutande och det krävs minst {required}. Registrera närvaron innan besluten registreras.";
        var recused = decision?.Recusals.Count(r => meeting.Attendance.Deciding.Any(d => d.BoardMemberId == r.BoardMemberId)) ?? 0;
        if (deciding - recused < required)
            return $"Styrelsen är inte beslutför i ärendet: när {recused} har anmält jäv återstår {deciding - recused} beslutande av {seats} ledamöter och det krävs minst {required}.";
        return null;
    }
}
