using Grants.Identity;
using Grants.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Grants.Meetings;

/// <summary>One item: its texts (title, background, proposal) and the decision as taken.</summary>
[Authorize(Policy = Policies.MeetingAdmin)]
public sealed class ItemModel(MeetingQueries queries, EditAgenda agenda, RecordDecision decisions, BoardRegister board, IAuthorizationService authorization)
    : MeetingPageModel(authorization)
{
    public const int ClauseRows = 4;

    public sealed class ClauseForm
    {
        public ClauseKind? Kind { get; set; }
        public string? Text { get; set; }
        public int? Year { get; set; }
        public long? Amount { get; set; }
        public int? Year2 { get; set; }
        public long? Amount2 { get; set; }
        public string? Motivation { get; set; }
        public string? Funder { get; set; }
        public DateOnly? Deadline { get; set; }
        public bool IsEmpty => Kind is null && string.IsNullOrWhiteSpace(Text);
    }

    public sealed class DecisionForm
    {
        public DecisionOutcome? Outcome { get; set; }
        public ReferBackTarget? ReferBackTo { get; set; }
        public List<ClauseForm> Clauses { get; set; } = [];
        /// <summary>Jäv: the deciding members who left the item, with their reasons.</summary>
        public List<Guid> RecusedIds { get; set; } = [];
        public Dictionary<Guid, string?> RecusalReasons { get; set; } = [];
        /// <summary>One per line: "Namn: text".</summary>
        public string? Reservations { get; set; }
    }

    private MeetingDto? _meeting;
    public MeetingDto Meeting => _meeting ?? throw new InvalidOperationException("The meeting is read in LoadAsync.");
    public ItemDto Item => Meeting.Items.Single(i => i.Id == ItemId);
    public Guid ItemId { get; private set; }
    /// <summary>The meeting's deciding (from the attendance): whom a jäv can name.</summary>
    public List<BoardMember> Deciding { get; private set; } = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Proposal { get; set; }
    [BindProperty] public DecisionForm Decision { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(meetingId, itemId, ct)) return NotFound();
        Title = Item.Title;
        Text = Item.Text;
        Proposal = string.Join("\n", Item.Proposal);
        Decision = FormOf(Item.Decision, Item.Proposal);
        return Page();
    }

    public async Task<IActionResult> OnPostTextsAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        var proposal = (Proposal ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var outcome = await agenda.UpdateAsync(User, meetingId, itemId, new EditAgenda.UpdateRequest(Title, Text, proposal), ct);
        if (outcome.IsOk) return Done("Texterna är sparade.", $"/Meetings/Item/{meetingId}/{itemId}");
        if (!await LoadAsync(meetingId, itemId, ct)) return NotFound();
        return Failed(outcome)!;
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        var rows = Decision.Clauses.Take(Decision.Clauses.FindLastIndex(c => !c.IsEmpty) + 1).ToList();
        var request = new RecordDecision.Request(Decision.Outcome, Decision.ReferBackTo,
            Decision.Outcome == DecisionOutcome.Decided ? rows.Select(c => new RecordDecision.ClauseRequest(c.Kind, c.Text,
                new[] { (c.Year, c.Amount), (c.Year2, c.Amount2) }.Where(a => a.Item1 is not null || a.Item2 is not null)
                    .Select(a => new RecordDecision.AmountRequest(a.Item1, a.Item2)).ToList(),
                c.Motivation, c.Funder, c.Deadline, null, null)).ToList() : [],
            Decision.RecusedIds.Select(id => new RecordDecision.RecusalRequest(id, Decision.RecusalReasons.GetValueOrDefault(id))).ToList(),
            People(Decision.Reservations));
        var outcome = await decisions.HandleAsync(User, meetingId, itemId, request, ct);
        if (outcome.IsOk) return Done("Beslutet är registrerat.", $"/Meetings/Meeting/{meetingId}");
        if (!await LoadAsync(meetingId, itemId, ct)) return NotFound();
        Title = Item.Title;
        Text = Item.Text;
        Proposal = string.Join("\n", Item.Proposal);
        while (Decision.Clauses.Count < ClauseRows) Decision.Clauses.Add(new ClauseForm());
        // The API keeps a clause's amounts as a list; the page has two year/amount pairs per clause.
        foreach (var (field, messages) in outcome.Errors.All)
            foreach (var m in messages) ModelState.AddModelError(PageKey(FieldKeys.ToModelKey(field, "Decision")), m);
        return Page();
    }

    private static string PageKey(string key) => key
        .Replace(".Amounts[0].Year", ".Year").Replace(".Amounts[0].Amount", ".Amount")
        .Replace(".Amounts[1].Year", ".Year2").Replace(".Amounts[1].Amount", ".Amount2")
        .Replace(".Amounts", ".Year").Replace(".Recusals[", ".Recusals#").Replace(".Reservations[", ".Reservations#") switch
    {
        var k when k.Contains(".Recusals#") => k[..k.IndexOf(".Recusals#")] + ".RecusedIds",
        var k when k.Contains(".Reservations#") => k[..k.IndexOf(".Reservations#")] + ".Reservations",
        var k => k,
    };

    private static List<RecordDecision.PersonRequest> People(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(':', 2, StringSplitOptions.TrimEntries))
            .Select(p => new RecordDecision.PersonRequest(p[0], p.Length > 1 ? p[1] : null)).ToList();

    /// <summary>The recorded decision, or the proposal as a starting point.</summary>
    private static DecisionForm FormOf(ItemDecision decision, IReadOnlyList<string> proposal)
    {
        var form = new DecisionForm { Outcome = decision.Recorded ? decision.Outcome : DecisionOutcome.Decided, ReferBackTo = decision.ReferBackTo };
        if (decision.Recorded)
        {
            form.Clauses = decision.Clauses.Select(c => new ClauseForm
            {
                Kind = c.Kind, Text = c.Text, Motivation = c.Motivation, Funder = c.Funder, Deadline = c.Deadline,
                Year = c.Amounts.ElementAtOrDefault(0)?.Year, Amount = c.Amounts.ElementAtOrDefault(0)?.Amount,
                Year2 = c.Amounts.ElementAtOrDefault(1)?.Year, Amount2 = c.Amounts.ElementAtOrDefault(1)?.Amount,
            }).ToList();
            form.RecusedIds = decision.Recusals.Select(r => r.BoardMemberId).ToList();
            form.RecusalReasons = decision.Recusals.ToDictionary(r => r.BoardMemberId, r => r.Reason);
            form.Reservations = string.Join("\n", decision.Reservations.Select(r => r.Text is null ? r.Name : $"{r.Name}: {r.Text}"));
        }
        else form.Clauses = proposal.Where(p => p.Trim() != "att").Select(DecisionClause.FromProposal).Select(c => new ClauseForm
        {
            Kind = c.Kind, Text = c.Text, Motivation = c.Motivation, Deadline = c.Deadline,
        }).ToList();
        while (form.Clauses.Count < ClauseRows) form.Clauses.Add(new ClauseForm());
        return form;
    }

    private async Task<bool> LoadAsync(Guid meetingId, Guid itemId, CancellationToken ct)
    {
        await ResolveRightsAsync();
        _meeting = await queries.GetAsync(meetingId, ct);
        ItemId = itemId;
        if (_meeting is null || _meeting.Items.All(i => i.Id != itemId)) return false;
        var serving = await board.ServingAsync(_meeting.Date, ct);
        Deciding = _meeting.Attendance.Deciding.Select(d => serving.FirstOrDefault(m => m.Id == d.BoardMemberId)).OfType<BoardMember>().ToList();
        return true;
    }
}
