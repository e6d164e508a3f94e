using System.Diagnostics.Metrics;
using System.Net;
using Grants.Eligibility;
using Grants.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Tests.Eligibility;

/// <summary>
/// One submit does its work once: the rule set is evaluated once (the check, the workflow's "no-hinder" guard and the
/// stored run share it), counted by the real rule book of this host and by its metric. Own fixture: no other test's
/// requests run on this host meanwhile.
/// </summary>
public sealed class SubmitEvaluationCountTests(GrantsApp app) : IClassFixture<GrantsApp>
{
    private RuleBook Rules => app.Services.GetRequiredService<RuleBook>();

    [Fact]
    public async Task An_accepted_submit_evaluates_the_rule_set_once_and_stores_that_run()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(Forms.Complete());
        using var metric = new EvaluationMetric(app.Services.GetRequiredService<IMeterFactory>());
        var before = Rules.Evaluations;

        await (await client.SubmitAsync(Api.IdOf(draft), Api.VersionOf(draft))).ExpectJsonAsync(HttpStatusCode.OK);

        (Rules.Evaluations - before).Should().Be(1);
        metric.Total.Should().Be(1);
    }

    [Fact]
    public async Task A_refused_submit_evaluates_the_rule_set_once()
    {
        var client = await app.BearerClientAsync(Login.Applicant);
        var draft = await client.CreateDraftAsync(Forms.Minimal());
        var before = Rules.Evaluations;

        await (await client.SubmitAsync(Api.IdOf(draft))).ExpectProblemAsync(HttpStatusCode.BadRequest);

        (Rules.Evaluations - before).Should().Be(1);
    }

    /// <summary>Listens to this host's "grants.eligibility.evaluations" counter only (meters are scoped to their factory).</summary>
    private sealed class EvaluationMetric : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public EvaluationMetric(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuleBook.MeterName && instrument.Meter.Scope == factory) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
