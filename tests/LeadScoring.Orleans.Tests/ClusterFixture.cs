using LeadScoring.Samples.Orleans;
using LeadScoring.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LeadScoring.Orleans.Tests;

/// <summary>An in-process Orleans cluster of two silos running the sample's lead grains with one rule set.</summary>
public abstract class ClusterFixture<TConfigurator> : IAsyncLifetime
    where TConfigurator : ISiloConfigurator, new()
{
    private readonly TestCluster _cluster;

    protected ClusterFixture()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.Options.ServiceId = typeof(TConfigurator).DeclaringType!.Name;
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        _cluster = builder.Build();
    }

    public TestCluster Cluster => _cluster;

    /// <summary>Grain factories that act as separate clients: the external client and each silo's own.</summary>
    public IReadOnlyList<IGrainFactory> Clients =>
        [_cluster.Client, .. _cluster.Silos.Cast<InProcessSiloHandle>().Select(s => s.SiloHost.Services.GetRequiredService<IGrainFactory>())];

    public Task InitializeAsync() => _cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}

/// <summary>The built-in rule set with its two any-age conditions windowed to a year, so that the model has a finite retention horizon and grains drop old activities.</summary>
public sealed class WindowedDefaultCluster : ClusterFixture<WindowedDefaultCluster.Configurator>
{
    public static readonly string RuleSetJson = ScoringModel.Default.ToJson()
        .Replace("\"email_unsubscribe\"", "\"email_unsubscribe\", \"withinDays\": 365", StringComparison.Ordinal)
        .Replace("\"social_follow\"", "\"social_follow\", \"withinDays\": 365", StringComparison.Ordinal);

    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddLeadGrains(rules => rules.RuleSetJson = RuleSetJson, grains => grains.ScheduleDelay = TimeSpan.FromSeconds(2));
    }
}

/// <summary>A model that decays in seconds: a view is worth 60 points with a half-life of about 1.7 s; MQL needs 40.</summary>
public sealed class FastDecayCluster : ClusterFixture<FastDecayCluster.Configurator>
{
    public const string RuleSetJson = """
        { "schemaVersion": 1, "name": "fast-decay", "version": "1",
          "rules": [ { "id": "views", "category": "onlineBehaviour", "points": 60, "each": { "activity": "view" } } ],
          "decay": { "halfLifeDays": 0.00002 },
          "stages": [ { "name": "IQL" }, { "name": "MQL", "minScore": 40 } ] }
        """;

    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddLeadGrains(rules => rules.RuleSetJson = RuleSetJson, grains => grains.ScheduleDelay = TimeSpan.FromMilliseconds(100));
    }
}

/// <summary>
/// The fast-decaying model on silos that work out when to look again only 3 s after an activity, after the stage has
/// already changed (as on a busy silo whose timer runs late): the grain must see that its view is stale.
/// </summary>
public sealed class LateScheduleCluster : ClusterFixture<LateScheduleCluster.Configurator>
{
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddLeadGrains(rules => rules.RuleSetJson = FastDecayCluster.RuleSetJson, grains => grains.ScheduleDelay = TimeSpan.FromSeconds(3));
    }
}
