namespace Grants.Minutes;

/// <summary>
/// Everything a rendering of the protokoll needs, in the sources' order (seeds/004 after item 11).
/// Built by the board's queries from the meeting; rendered as HTML, DOCX and PDF, and cut down to one §
/// for a protokollsutdrag.
/// </summary>
public sealed record MinutesDocument(
    Guid MeetingId,
    string AssociationName,
    DateOnly MeetingDate,
    // "Plats och tid", e.g. "Skellefteå kommun, Stadshuset, sal 3, kl. 13:00-15:30".
    string PlaceAndTime,
    IReadOnlyList<AttendeeLine> Deciding,
    IReadOnlyList<AttendeeLine> OthersPresent,
    // "Utses att justera": the justerare's names.
    IReadOnlyList<string> Adjusters,
    // Where and when the adjustment takes place ("Förbundskansliet 2015-06-22"), if set.
    string? AdjustmentPlaceAndTime,
    IReadOnlyList<MinutesParagraph> Paragraphs,
    SignatureBlock Signatures,
    PostingBlock? Posting,
    // SHA-256 over the adjusted content; null until adjusted.
    string? ContentHash,
    bool Adjusted)
{
    public int? FirstParagraph => Paragraphs.Count == 0 ? null : Paragraphs.Min(p => p.Number);
    public int? LastParagraph => Paragraphs.Count == 0 ? null : Paragraphs.Max(p => p.Number);
}

/// <summary>A person at the meeting: "Anna Andersson (S), ordförande, Skellefteå kommun".</summary>
public sealed record AttendeeLine(string Name, string Role, string? Member);

/// <summary>
/// One § of the minutes. <see cref="Number"/> is null until the minutes are numbered.
/// <see cref="Clauses"/> are the att-clauses under "Samordningsförbundet beslutar:" (each starting "att ...").
/// </summary>
public sealed record MinutesParagraph(
    int? Number,
    string Title,
    string Text,
    string? RegistrationNumber,
    IReadOnlyList<string> Clauses,
    // Jäv, reservations, "bordlades", "återremitterades" ...
    IReadOnlyList<string> Notes,
    // The application the § decides on, if any: lets its applicant download the protokollsutdrag (optional, added by Documents).
    Guid? ApplicationId = null);

public sealed record SignatureBlock(string? Chair, string? Secretary, IReadOnlyList<string> Adjusters, DateOnly? AdjustedOn);

/// <summary>"Bevis om anslag": the notice that the adjusted minutes are posted.</summary>
public sealed record PostingBlock(DateOnly MeetingDate, DateOnly PostedOn, DateOnly TakenDownOn, string StoragePlace, string? SignedBy);

/// <summary>Where the rendering gets the document from (the board's meetings implement it).</summary>
public interface IMinutesSource
{
    Task<MinutesDocument?> ForMeetingAsync(Guid meetingId, CancellationToken ct);
}
