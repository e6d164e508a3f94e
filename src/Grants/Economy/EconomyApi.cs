using System.Globalization;
using System.Security.Claims;
using Grants.Applications;
using Grants.Association;
using Grants.Identity;
using Grants.Shared;
using Microsoft.Extensions.Options;

namespace Grants.Economy;

public static class EconomyApi
{
    public sealed record LineDto(string Kind, string? MemberKey, string Label, long Amount);
    public sealed record SplitDto(string Party, IReadOnlyList<string> Members, long Amount, string Share, decimal Expected, bool WithinTolerance);
    public sealed record YearDto(int Year, long CarriedOverSurplus, long RecommendedMaxEquity, bool Closed, int Version, string UpdatedBy, IReadOnlyList<LineDto> Lines, IReadOnlyList<SplitDto> Split);
    public sealed record ProjectDto(Guid? ApplicationId, string ProjectName, string? RegistrationNumber, string Recipient, string Status,
        long Committed, long Released, long Lapsed, long NetCommitted, long Paid, long Remaining, long Requisitioned, IReadOnlyList<Guid> CommitmentIds);
    public sealed record ReportDto(int Year, DateOnly AsOf, bool Closed, long ResultSoFar, long ActualIncome, long ActualCosts, long PaidSoFar,
        long Contributions, long OtherIncome, long ForecastIncome, long OperatingCosts, long Commitments, long ConditionalCommitments, long ForecastCosts,
        long ForecastResult, long CarriedOverSurplus, long ForecastResultInclSurplus, long RecommendedMaxEquity, long Room, IReadOnlyList<ProjectDto> Projects);
    public sealed record CommitmentDto(Guid Id, Guid? ApplicationId, string ProjectName, string? RegistrationNumber, string Recipient, int Year, long Amount,
        string DecisionKind, bool Conditional, string Status, DateOnly DecisionDate, int? ParagraphNumber, long Released, long Lapsed, long Paid, long Remaining,
        long Requisitioned, IReadOnlyList<Payment> Payments, IReadOnlyList<Requisition> Requisitions, IReadOnlyList<CommitmentRelease> Releases);
    public sealed record ForecastRequest(DateOnly? AsOf, List<ProposedGrant>? Proposals);

    public static IEndpointRouteBuilder MapEconomyApi(this IEndpointRouteBuilder routes)
    {
        var eco = routes.MapGroup("/api/economy").WithTags("Economy");

        eco.MapGet("/years", async (EconomyQueries q, CancellationToken ct) => Results.Ok((await q.YearsAsync(ct)).Select(y => new { y.Year, y.Closed, y.Version })))
            .RequireAuthorization(Policies.EconomyReader);
        eco.MapGet("/years/{year:int}", async (int year, EconomyQueries q, ProfileStore profiles, IOptions<EconomyOptions> options, CancellationToken ct) =>
                await q.YearAsync(year, ct) is { } y ? Results.Ok(await YearDtoAsync(y, q, profiles, options, ct)) : NotFound())
            .RequireAuthorization(Policies.EconomyReader).Produces<YearDto>();
        eco.MapPut("/years/{year:int}", async (int year, HttpRequest request, ClaimsPrincipal user, BudgetYears years, EconomyQueries q, ProfileStore profiles, IOptions<EconomyOptions> options, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<BudgetYears.SaveRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                int? ifMatch = int.TryParse(request.Headers.IfMatch.ToString().Trim('"', 'W', '/'), out var v) ? v : null;
                var saved = await years.SaveAsync(user, year, body.Value!, ifMatch, ct);
                return saved.IsOk ? Results.Ok(await YearDtoAsync(saved.Value!, q, profiles, options, ct)) : ApiResults.From(saved, _ => Results.Empty);
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();
        eco.MapPost("/years/{year:int}/close", async (int year, ClaimsPrincipal user, BudgetYears years, CancellationToken ct) =>
                ApiResults.From(await years.CloseAsync(user, year, ct), y => Results.Ok(new { y.Year, y.Closed, y.ClosedAt, y.ClosedBy })))
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery();
        eco.MapPost("/years/{year:int}/actuals", async (int year, HttpRequest request, ClaimsPrincipal user, BudgetYears years, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<BudgetYears.ActualRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await years.RecordActualAsync(user, year, body.Value!, ct), a => Results.Created($"/api/economy/years/{year}/actuals/{a.Id}", a));
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();

        eco.MapGet("/report", async (string? asOf, EconomyQueries q, LocalClock clock, CancellationToken ct) =>
            {
                var date = ParseDate(asOf, clock, "asOf");
                if (!date.IsOk) return ApiResults.From(date, _ => Results.Empty);
                var report = await q.ReportAsync(date.Value, ct);
                return report is null ? NoBudget() : Results.Ok(ToDto(report));
            })
            .RequireAuthorization(Policies.EconomyReader).Produces<ReportDto>();
        eco.MapGet("/report/agenda-item", async (string? asOf, EconomyQueries q, LocalClock clock, ProfileStore profiles, CancellationToken ct) =>
            {
                var date = ParseDate(asOf, clock, "asOf");
                if (!date.IsOk) return ApiResults.From(date, _ => Results.Empty);
                var report = await q.ReportAsync(date.Value, ct);
                return report is null ? NoBudget() : Results.Ok(EconomicReportText.For(report, (await profiles.GetAsync(ct)).Name));
            })
            .RequireAuthorization(Policies.EconomyReader).Produces<AgendaItemText>();
        eco.MapPost("/room/forecast", async (HttpRequest request, RoomForecast forecast, LocalClock clock, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ForecastRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                var errors = new ValidationErrors();
                var proposals = body.Value!.Proposals ?? [];
                for (var i = 0; i < proposals.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(proposals[i].Label)) errors.Add($"proposals[{i}].label", "Ange vilket förslag beloppet gäller.");
                    if (proposals[i].Amount is < 0 or > BudgetYears.MaxAmount) errors.Add($"proposals[{i}].amount", "Ange beloppet i hela kronor (0 eller mer).");
                }
                if (!errors.IsEmpty) return ApiResults.Validation(errors);
                var result = await forecast.AfterProposalsAsync(body.Value.AsOf ?? clock.Today, proposals, ct);
                return result.RoomBefore is null ? NoBudget() : Results.Ok(result);
            })
            .RequireAuthorization(Policies.EconomyReader).DisableAntiforgery().Produces<RoomForecastResult>();

        eco.MapGet("/commitments", async (int? year, EconomyQueries q, CancellationToken ct) =>
                Results.Ok((await q.FiguresAsync(year, null, ct)).Select(ToDto)))
            .RequireAuthorization(Policies.EconomyReader).Produces<List<CommitmentDto>>();
        eco.MapGet("/commitments/{id:guid}", async (Guid id, EconomyQueries q, CancellationToken ct) =>
                await q.CommitmentAsync(id, ct) is { } f ? Results.Ok(ToDto(f)) : NotFound())
            .RequireAuthorization(Policies.EconomyReader).Produces<CommitmentDto>();
        eco.MapPost("/commitments", async (HttpRequest request, ClaimsPrincipal user, RecordCommitment handler, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<RecordCommitment.Request>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await handler.HandleAsync(user, body.Value!, ct), c => Results.Created($"/api/economy/commitments/{c.Id}", new { c.Id, c.Year, c.Amount }));
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();
        eco.MapPost("/commitments/{id:guid}/payments", async (Guid id, HttpRequest request, ClaimsPrincipal user, Payments payments, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<Payments.PaymentRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await payments.PayAsync(user, id, body.Value!, ct), p => Results.Created($"/api/economy/commitments/{id}", p));
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();
        eco.MapPost("/commitments/{id:guid}/requisitions", async (Guid id, HttpRequest request, ClaimsPrincipal user, Payments payments, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<Payments.RequisitionRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await payments.RequisitionAsync(user, id, body.Value!, ct), r => Results.Created($"/api/economy/commitments/{id}", r));
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();
        eco.MapPost("/commitments/{id:guid}/release", async (Guid id, HttpRequest request, ClaimsPrincipal user, Payments payments, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<Payments.ReleaseRequest>(request, FormJsonOptions.Options, ct);
                if (!body.IsOk) return ApiResults.From(body, _ => Results.Empty);
                return ApiResults.From(await payments.ReleaseRemainingAsync(user, id, body.Value!, ct), r => Results.Created($"/api/economy/commitments/{id}", r));
            })
            .RequireAuthorization(Policies.EconomyWriter).DisableAntiforgery().ProducesValidationProblem();

        eco.MapGet("/exports/{kind}", async (string kind, int? year, string? format, EconomyQueries q, LocalClock clock, CancellationToken ct) =>
            {
                var errors = new ValidationErrors();
                if (kind is not ("commitments" or "payments")) errors.Add("kind", "Välj export av åtaganden (commitments) eller utbetalningar (payments).");
                if (format is not (null or "csv" or "xlsx")) errors.Add("format", "Formatet är csv eller xlsx.");
                if (!errors.IsEmpty) return ApiResults.Validation(errors);
                var sheet = EconomyExports.Build(kind, year, await q.FiguresAsync(year, null, ct), clock);
                var name = EconomyExports.FileName(kind, year);
                return format == "xlsx"
                    ? Results.File(sheet.ToXlsx(), Spreadsheet.XlsxContentType, name + ".xlsx")
                    : Results.File(sheet.ToCsv(), Spreadsheet.CsvContentType, name + ".csv");
            })
            .RequireAuthorization(Policies.EconomyReader);
        return routes;
    }

    /// <summary>"2015-03-31" or none (today in Stockholm); anything else is a field error, never a bare 400 or a 500.</summary>
    public static Outcome<DateOnly> ParseDate(string? text, LocalClock clock, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return clock.Today;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        var errors = new ValidationErrors();
        errors.Add(field, "Ange datumet som ÅÅÅÅ-MM-DD.");
        return Outcome<DateOnly>.Invalid(errors);
    }

    private static IResult NotFound() => ApiResults.Problem(404, "Hittades inte", "Det du söker finns inte.");
    private static IResult NoBudget() => ApiResults.Problem(404, "Ingen budget", "Det finns ingen budget för året; kansliet lägger in den under Ekonomi.");

    public static async Task<YearDto> YearDtoAsync(BudgetYear y, EconomyQueries q, ProfileStore profiles, IOptions<EconomyOptions> options, CancellationToken ct)
    {
        var lines = await q.LinesAsync(y.Year, ct);
        var profile = await profiles.GetAsync(ct);
        var tolerance = options.Value.SplitToleranceKronor;
        var split = MemberSplit.Check(profile.Members, lines.Where(l => l.Kind == BudgetLineKind.Contribution && l.MemberKey is not null).ToDictionary(l => l.MemberKey!, l => l.Amount), tolerance);
        return new YearDto(y.Year, y.CarriedOverSurplus, y.RecommendedMaxEquity, y.Closed, y.Version, y.UpdatedBy,
            lines.Select(l => new LineDto(l.Kind.ToString(), l.MemberKey, l.Label, l.Amount)).ToList(),
            split.Select(s => new SplitDto(s.Label, s.Members, s.Amount, s.ShareLabel, s.Expected, s.WithinTolerance)).ToList());
    }

    public static ReportDto ToDto(EconomicReport r) => new(r.Year, r.AsOf, r.Closed, r.ResultSoFar, r.ActualIncome, r.ActualCosts, r.PaidSoFar,
        r.ContributionsTotal, r.OtherIncomeTotal, r.ForecastIncome, r.OperatingCostsTotal, r.CommitmentsTotal, r.ConditionalTotal, r.ForecastCosts,
        r.ForecastResult, r.CarriedOverSurplus, r.ForecastResultInclSurplus, r.RecommendedMaxEquity, r.Room,
        r.Projects.Select(p => new ProjectDto(p.ApplicationId, p.ProjectName, p.RegistrationNumber, p.Recipient, p.Status.ToString(), p.Committed, p.Released,
            p.Lapsed, p.NetCommitted, p.Paid, p.Remaining, p.Requisitioned, p.Commitments.Select(c => c.Commitment.Id).ToList())).ToList());

    public static CommitmentDto ToDto(CommitmentFigures f) => new(f.Commitment.Id, f.Commitment.ApplicationId, f.Commitment.ProjectName, f.Commitment.RegistrationNumber,
        f.Commitment.Recipient, f.Commitment.Year, f.Commitment.Amount, f.Commitment.DecisionKind, f.Commitment.Conditional, f.Status.ToString(),
        f.Commitment.DecisionDate, f.Commitment.ParagraphNumber, f.Released, f.Lapsed, f.Paid, f.Remaining, f.Requisitioned, f.Payments, f.Requisitions, f.Releases);
}
