using System.Text.Json.Serialization;

namespace Grants.Meetings;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingState>))]
public enum MeetingState
{
    /// <summary>The agenda can change.</summary>
    Planned,
    /// <summary>§ numbers given: the items are fixed, texts and decisions can still be written.</summary>
    Numbered,
    /// <summary>Justerat: locked for good.</summary>
    Adjusted,
}

/// <summary>A board sammanträde with its föredragningslista and, once held, its protokoll.</summary>
public sealed class Meeting
{
    /// <summary>Kommunallagen: the minutes are adjusted no later than 14 days after the meeting.</summary>
    public const int AdjustmentDays = 14;
    /// <summary>The posting stays up three weeks (the appeal period).</summary>
    public const int PostingDays = 21;

    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string Place { get; set; } = "";
    public MeetingState State { get; set; }
    public int Version { get; set; }
    public List<AgendaItem> Items { get; set; } = [];

    public AttendanceList Attendance { get; set; } = new();

    public int? FirstParagraph { get; set; }
    public int? LastParagraph { get; set; }
    public DateTimeOffset? NumberedAt { get; set; }
    public string? NumberedBy { get; set; }

    public List<Signature> Signatures { get; set; } = [];
    public DateTimeOffset? AdjustedAt { get; set; }
    public DateOnly? AdjustedOn { get; set; }
    public string? ContentHash { get; set; }

    public DateOnly? PostedOn { get; set; }
    public DateOnly? TakenDownOn { get; set; }
    public string? StoragePlace { get; set; }
    public string? PostingSignedBy { get; set; }

    public int NoticesSent { get; set; }
    public DateTimeOffset? NoticeSentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public DateOnly AdjustmentDeadline => Date.AddDays(AdjustmentDays);

    public string PlaceAndTime =>
        $"{Place}, {Date:yyyy-MM-dd} kl. {StartTime:HH\\:mm}{(EndTime is { } end ? $"–{end:HH\\:mm}" : "")}";

    public IEnumerable<AgendaItem> Ordered => Items.OrderBy(i => i.Position);

    public void Touch() => Version++;
}

/// <summary>Who took part; stored with the meeting as a JSON column.</summary>
public sealed class AttendanceList
{
    /// <summary>Beslutande: ledamöter and serving ersättare.</summary>
    public List<Attendee> Deciding { get; set; } = [];
    /// <summary>Övriga deltagande (free text lines: "Namn, funktion").</summary>
    public List<string> Others { get; set; } = [];
    /// <summary>The chair of the meeting (by default the board's ordförande).</summary>
    public Guid? ChairId { get; set; }
    public Guid? SecretaryId { get; set; }
    /// <summary>Utses att justera.</summary>
    public List<Guid> AdjusterIds { get; set; } = [];
    /// <summary>"Förbundskansliet 2015-06-22", when agreed.</summary>
    public string? AdjustmentPlaceAndTime { get; set; }
}

/// <summary>A deciding attendee: a ledamot, or an ersättare serving in place of <see cref="ReplacesId"/>.</summary>
public sealed record Attendee(Guid BoardMemberId, Guid? ReplacesId);

/// <summary>One justering signature: whose, in which capacity, when, and who registered it (the signer or the kansli from the signed paper).</summary>
public sealed record Signature(Guid BoardMemberId, string Name, string Capacity, DateTimeOffset At, string ByUserId, string ByName, string ByRole);

[JsonConverter(typeof(JsonStringEnumConverter<AgendaItemKind>))]
public enum AgendaItemKind
{
    /// <summary>Standing items: the first two and the last two of every agenda.</summary>
    Standing,
    Application,
    EconomicReport,
    Free,
}

/// <summary>An ärende on the föredragningslista; with its § number and decision it is a paragraph of the minutes.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public int Position { get; set; }
    public AgendaItemKind Kind { get; set; }
    /// <summary>Which standing item (previous-minutes, adjusters, information, other).</summary>
    public string? StandingKey { get; set; }
    public Guid? ApplicationId { get; set; }
    public string? RegistrationNumber { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Background and (for an application) the LSG's statement; paragraphs separated by blank lines.</summary>
    public string Text { get; set; } = "";
    /// <summary>"Samordningsförbundet föreslås besluta:" — the proposed att-clauses (a blank "att" allowed).</summary>
    public List<string> Proposal { get; set; } = [];
    public ItemDecision Decision { get; set; } = new();
    public int? ParagraphNumber { get; set; }
}
