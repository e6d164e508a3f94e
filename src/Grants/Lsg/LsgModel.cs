using System.Text.Json.Serialization;

namespace Grants.Lsg;

/// <summary>A manager from one of the förbund's member authorities sitting in the LSG.</summary>
public sealed class LsgMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    /// <summary>The member authority's key in the förbund profile (fk, af, skelleftea ...).</summary>
    public string MemberKey { get; set; } = "";
    public string Email { get; set; } = "";
    /// <summary>The login, when the member has one (matched by e-mail otherwise).</summary>
    public string? UserId { get; set; }
    public bool Active { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>An LSG sammanträde: its date and who attended.</summary>
public sealed class LsgMeeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Date { get; set; }
    public List<Guid> Attendees { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

[JsonConverter(typeof(JsonStringEnumConverter<LsgRecommendation>))]
public enum LsgRecommendation
{
    /// <summary>Tillstyrker.</summary>
    Recommend,
    /// <summary>Avstyrker (a reason is required).</summary>
    AdviseAgainst,
}

/// <summary>The LSG's statement on an application, with the sentence the board reads. Never changed; a new round adds a new one.</summary>
public sealed class LsgStatement
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public Guid MeetingId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public LsgRecommendation Recommendation { get; set; }
    public string? Reason { get; set; }
    public string? Addition { get; set; }
    public string Sentence { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedByUserId { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public string RecordedByRole { get; set; } = "";
    public Guid? LsgMemberId { get; set; }
}

/// <summary>Jäv: an LSG member declares a conflict of interest for one application. Kept for the record.</summary>
public sealed class LsgConflictDeclaration
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ApplicationId { get; set; }
    public Guid LsgMemberId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset DeclaredAt { get; set; }
    public string DeclaredByUserId { get; set; } = "";
}

/// <summary>Writes the sentence in the sources' form (seeds/004, items 4, 5, 7 and § 601).</summary>
public static class LsgSentence
{
    public static string Of(LsgRecommendation recommendation, DateOnly meetingDate, string? reason, string? addition)
    {
        var sentence = recommendation == LsgRecommendation.Recommend
            ? $"Lokala samverkansgruppen har vid sitt sammanträde {meetingDate:yyyy-MM-dd} tillstyrkt att samordningsförbundet beviljar medel till projektet"
            : $"Ansökan har avstyrkts av Lokala samverkansgruppen med hänvisning till {Clause(reason, "med hänvisning till")}";
        if (!string.IsNullOrWhiteSpace(addition)) sentence += $" med tillägget att {Clause(addition, "med tillägget att", "att")}";
        return sentence + ".";
    }

    /// <summary>Trims, drops a repeated lead-in ("att ...") and the closing full stop.</summary>
    private static string Clause(string? text, params string[] leadIns)
    {
        var t = (text ?? "").Trim();
        foreach (var lead in leadIns)
            if (t.StartsWith(lead + " ", StringComparison.OrdinalIgnoreCase)) t = t[(lead.Length + 1)..].TrimStart();
        return t.TrimEnd('.', ' ');
    }
}
