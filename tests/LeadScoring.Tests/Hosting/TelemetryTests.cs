using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LeadScoring.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LeadScoring.Tests.Hosting;

/// <summary>The hosting package's meter, activity source and health check.</summary>
public sealed class TelemetryTests : IDisposable
{
    private const string Rule = """{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scores_loads_and_activities_are_recorded_and_health_follows_the_reloads()
    {
        string path = _folder.File("rules.json");
        File.WriteAllText(path, TestRuleSets.Json(Rule, """ "stages": [ { "name": "IQL" } ], "version": "1" """));
        var measurements = new ConcurrentQueue<(string Instrument, long Value, string Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LeadScoringTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        meters.Start();
        var activities = new ConcurrentQueue<string>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LeadScoringTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => activities.Enqueue(a.OperationName),
        };
        ActivitySource.AddActivityListener(activityListener);

        var services = new ServiceCollection().AddLogging().AddLeadScoring("web", o => (o.RuleSetPath, o.ReloadDelay) = (path, TimeSpan.FromMilliseconds(20))).Services;
        services.AddHealthChecks().AddLeadScoring();
        using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();
        var scorer = provider.GetRequiredKeyedService<ILeadScorer>("web");
        scorer.Score(new Lead("L"), TestRuleSets.AsOf);
        scorer.Score(new Lead("M"), TestRuleSets.AsOf);

        Assert.Equal(2, measurements.Where(m => m.Instrument == "leadscoring.scores" && m.Tags == "leadscoring.ruleset=web,leadscoring.stage=IQL").Sum(m => m.Value));
        Assert.Contains(measurements, m => m.Instrument == "leadscoring.ruleset.loads" && m.Tags.Contains("leadscoring.outcome=success", StringComparison.Ordinal));
        Assert.Contains("leadscoring.ruleset.load", activities);
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        File.WriteAllText(path, "{ broken");
        Eventually(() => scorer.Status.LastError is not null);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        Assert.Contains(measurements, m => m.Instrument == "leadscoring.ruleset.loads" && m.Tags.Contains("leadscoring.outcome=failure", StringComparison.Ordinal));
        Assert.Contains("leadscoring.ruleset.reload", activities);

        File.WriteAllText(path, TestRuleSets.Json(Rule, """ "version": "2" """));
        Eventually(() => scorer.Status.RuleSetVersion == "2");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task A_rule_set_that_cannot_load_makes_the_check_unhealthy()
    {
        var services = new ServiceCollection().AddLogging().AddLeadScoring("broken", o => o.RuleSetJson = "{ nope").Services;
        services.AddHealthChecks().AddLeadScoring();
        using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("broken", report.Entries["leadscoring"].Description, StringComparison.Ordinal);
    }

    private static void Eventually(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "timed out");
            Thread.Sleep(20);
        }
    }
}
