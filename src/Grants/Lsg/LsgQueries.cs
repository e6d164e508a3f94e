using Grants.Applications;
using Grants.Infrastructure;
using Grants.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Grants.Lsg;

/// <summary>A rule finding shown to the LSG. The eligibility rules replace the default source with their stored findings.</summary>
public sealed record RuleFindingView(string Level, string Message);

public interface IRuleFindingsSource
{
    Task<IReadOnlyList<RuleFindingView>> ForAsync(Application application, CancellationToken ct);
}

/// <summary>Default: the hinder found by the submit checks (the form's completeness and every registered ISubmitCheck).</summary>
public sealed class SubmitCheckFindings(NoHinderFact hinder) : IRuleFindingsSource
{
    public async Task<IReadOnlyList<RuleFindingView>> ForAsync(Application application, CancellationToken ct) =>
        (await hinder.FindingsAsync(application, ct)).Select(m => new RuleFindingView("Hinder", m)).ToList();
}

public sealed record AttachmentView(Guid Id, string FileName, long Size);
public sealed record FunderView(string Name, long Amount, string Status);

public sealed record QueueItem(
    Guid Id, string? RegistrationNumber, string ProjectName, string OrganisationName, long AmountApplied,
    long TotalCosts, long Income, long NetCosts, IReadOnlyList<FunderView> Financing,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<RuleFindingView> Findings, DateOnly? ArrivalDate);

public sealed record StatementDto(Guid Id, DateOnly MeetingDate, LsgRecommendation Recommendation, string? Reason, string? Addition, string Sentence, DateTimeOffset RecordedAt, string RecordedBy);

public sealed class LsgQueries(GrantsDbContext db, IRuleFindingsSource findings)
{
    public async Task<List<QueueItem>> QueueAsync(CancellationToken ct)
    {
        var apps = await db.Applications.AsNoTracking()
            .Include(a => a.Organisation).Include(a => a.Attachments)
            .Where(a => a.State == CurrentStatement.LsgState)
            .AsSplitQuery().ToListAsync(ct);
        var items = new List<QueueItem>();
        foreach (var a in apps.OrderBy(a => a.ArrivalDate).ThenBy(a => a.RegistrationNumber))
            items.Add(await ItemAsync(a, ct));
        return items;
    }

    public async Task<QueueItem> ItemAsync(Application a, CancellationToken ct)
    {
        var totals = a.Form.Totals;
        return new QueueItem(a.Id, a.RegistrationNumber, a.ProjectName, a.Organisation?.Name ?? "", a.AmountApplied,
            totals.TotalCosts, totals.Income, totals.NetCost,
            a.Form.Financing.Select(f => new FunderView(f.Name ?? "", f.Amount, Labels.Of(f.Status))).ToList(),
            a.Attachments.OrderBy(x => x.FileName).Select(x => new AttachmentView(x.Id, x.FileName, x.Size)).ToList(),
            await findings.ForAsync(a, ct), a.ArrivalDate);
    }

    public Task<List<LsgMember>> MembersAsync(CancellationToken ct) =>
        db.LsgMembers.AsNoTracking().Where(m => m.Active).OrderBy(m => m.MemberKey).ThenBy(m => m.Name).ToListAsync(ct);

    public async Task<List<LsgMeeting>> MeetingsAsync(CancellationToken ct) =>
        (await db.LsgMeetings.AsNoTracking().ToListAsync(ct)).OrderByDescending(m => m.Date).ToList();

    public async Task<List<StatementDto>> StatementsAsync(Guid applicationId, CancellationToken ct) =>
        (await db.LsgStatements.AsNoTracking().Where(s => s.ApplicationId == applicationId).ToListAsync(ct))
        .OrderBy(s => s.RecordedAt)
        .Select(s => new StatementDto(s.Id, s.MeetingDate, s.Recommendation, s.Reason, s.Addition, s.Sentence, s.RecordedAt, s.RecordedBy))
        .ToList();
}
