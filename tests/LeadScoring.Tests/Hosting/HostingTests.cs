using LeadScoring.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadScoring.Tests.Hosting;

/// <summary>AddLeadScoring: options, start-up validation, named rule sets, reload and last-good fallback.</summary>
public sealed class HostingTests : IDisposable
{
    private const string RuleA = """{ "id": "a", "category": "demographic", "points": 10, "when": { "all": [] } }""";
    private const string RuleB = """{ "id": "b", "category": "demographic", "points": 20, "when": { "all": [] } }""";

    private readonly string _directory = Directory.CreateTempSubdirectory("leadscore-host-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    internal static string RuleSet(string rule, string version) => TestRuleSets.Json(rule, $"\"name\": \"test\", \"version\": \"{version}\"");

    private string WriteRules(string content, string name = "rules.json")
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    internal static void Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for: " + what);
            Thread.Sleep(20);
        }
    }

    [Fact]
    public void Without_options_the_built_in_rule_set_serves()
    {
        using var provider = new ServiceCollection().AddLeadScoring().Services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Same(ScoringModel.Default, scorer.Model);
        Assert.Equal("built-in:default", scorer.Status.Source);
        Assert.Same(scorer, provider.GetRequiredService<ILeadScorerProvider>().GetScorer(string.Empty));
    }

    [Fact]
    public void As_of_comes_from_the_registered_time_provider()
    {
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(now))
            .AddLeadScoring(o => o.RuleSetJson = TestRuleSets.Json("""{ "id": "v", "category": "onlineBehaviour", "points": 10, "each": { "activity": "view", "withinDays": 1 } }""")).Services
            .BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();
        var lead = new Lead("L").AddActivity("view", now.AddHours(-12)).AddActivity("view", now.AddDays(-2));
        Assert.Equal(10, scorer.Score(lead).Score);
        Assert.Equal(0, scorer.Score(lead, now.AddDays(3)).Score);
        Assert.Equal("v", Assert.Single(scorer.Explain(lead).Rules).Id);
    }

    [Fact]
    public async Task A_broken_rule_set_stops_the_host_at_start_up_with_the_spec_errors()
    {
        string path = WriteRules("""{ "schemaVersion": 1, "rules": [ { "id": "a", "category": "demographic", "points": 5, "when": { "field": "x", "op": "equals" } } ] }""");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLeadScoring(o => o.RuleSetPath = path);
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains($"{path}: $.rules[0].when.op: unknown op 'equals'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLeadScoring_returns_a_builder_that_configures_further_and_chains_named_rule_sets()
    {
        var builder = new ServiceCollection()
            .AddLeadScoring(o => o.BuiltInRuleSet = "default")
            .Configure(o => o.ReloadDelay = TimeSpan.FromSeconds(3));
        Assert.Equal(string.Empty, builder.Name);
        var enterprise = builder.AddRuleSet("enterprise", o => o.RuleSetJson = TestRuleSets.Json("""{ "id": "a", "category": "demographic", "points": 5, "when": { "all": [] } }"""));
        Assert.Equal("enterprise", enterprise.Name);
        Assert.Same(builder.Services, enterprise.Services);

        using var provider = enterprise.Services.BuildServiceProvider();
        Assert.Equal(TimeSpan.FromSeconds(3), provider.GetRequiredService<IOptionsMonitor<LeadScoringOptions>>().Get(string.Empty).ReloadDelay);
        Assert.Equal(ScoringModel.Default, provider.GetRequiredService<ILeadScorer>().Model);
        Assert.Equal(1, provider.GetRequiredKeyedService<ILeadScorer>("enterprise").Model.RuleCount);
    }

    [Fact]
    public async Task A_check_added_on_the_builder_stops_start_up_with_its_message()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLeadScoring(o => o.BuiltInRuleSet = "default")
            .Configure(o => o.ReloadDelay = TimeSpan.FromSeconds(5))
            .Validate(o => o.ReloadDelay < TimeSpan.FromSeconds(1), "ReloadDelay must stay under a second");
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ReloadDelay must stay under a second", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicting_sources_and_missing_files_fail_at_start_up()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddLeadScoring(o => (o.RuleSetPath, o.BuiltInRuleSet) = ("x.json", "default"));
        builder.Services.AddLeadScoring("missing", o => o.RuleSetPath = Path.Combine(_directory, "nope.json"));
        using var host = builder.Build();
        var ex = await Assert.ThrowsAsync<AggregateException>(() => host.StartAsync());
        string all = string.Join("\n", ex.InnerExceptions.Select(e => e.Message));
        Assert.Contains("set only one of RuleSetPath, RuleSetJson and BuiltInRuleSet", all, StringComparison.Ordinal);
        Assert.Contains("nope.json", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Named_rule_sets_serve_side_by_side_and_an_unknown_name_is_a_clear_error()
    {
        using var provider = new ServiceCollection()
            .AddLeadScoring("smb", o => o.RuleSetJson = RuleSet(RuleA, "1")).Services
            .AddLeadScoring("enterprise", o => o.RuleSetJson = RuleSet(RuleB, "2")).Services
            .BuildServiceProvider();
        var scorers = provider.GetRequiredService<ILeadScorerProvider>();
        Assert.Equal(["smb", "enterprise"], scorers.Names);
        Assert.Equal(10, scorers.GetScorer("smb").Score(new Lead("L"), TestRuleSets.AsOf).Score);
        Assert.Equal(20, scorers.GetScorer("enterprise").Score(new Lead("L"), TestRuleSets.AsOf).Score);

        var ex = Assert.Throws<InvalidOperationException>(() => scorers.GetScorer("partners"));
        Assert.Contains("named 'partners'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'smb', 'enterprise'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ILeadScorer>()); // no default registered
    }

    [Fact]
    public void A_changed_file_is_swapped_in_and_an_invalid_edit_keeps_the_last_good_model()
    {
        string path = WriteRules(RuleSet(RuleA, "1"));
        var logs = new ListLoggerProvider();
        using var provider = WatchingFile(path, logs);
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Equal("1", scorer.Status.RuleSetVersion);

        File.WriteAllText(path, RuleSet(RuleB, "2"));
        Eventually(() => scorer.Status.RuleSetVersion == "2", "version 2");
        Assert.Equal(20, scorer.Score(new Lead("L"), TestRuleSets.AsOf).Score);
        Assert.True(scorer.Status.Reloads >= 1); // one write may raise several change events, so several reloads

        File.WriteAllText(path, """{ "schemaVersion": 1, "rules": [ { "id": "c", "category": "nope", "points": 1, "when": { "all": [] } } ] }""");
        // A reload may first catch the file half-written (malformed JSON); wait for the complete file's error.
        string expected = $"{path}: $.rules[0].category: unknown category 'nope'";
        Eventually(() => scorer.Status.LastError?.Contains(expected, StringComparison.Ordinal) == true, "the failed reload");
        Assert.Equal("2", scorer.Status.RuleSetVersion);
        Assert.Equal(20, scorer.Score(new Lead("L"), TestRuleSets.AsOf).Score);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(expected, StringComparison.Ordinal) && e.Message.Contains("still serving test 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_binds_and_reloads_inline_json()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LeadScoring:RuleSetJson"] = RuleSet(RuleA, "1"),
        }).Build();
        using var provider = new ServiceCollection().AddLeadScoring(configuration.GetSection("LeadScoring")).Services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Equal("configuration", scorer.Status.Source);
        Assert.Equal(10, scorer.Score(new Lead("L"), TestRuleSets.AsOf).Score);

        configuration["LeadScoring:RuleSetJson"] = RuleSet(RuleB, "2");
        configuration.Reload();
        Eventually(() => scorer.Status.RuleSetVersion == "2", "version 2");

        configuration["LeadScoring:RuleSetJson"] = "{ not json";
        configuration.Reload();
        Eventually(() => scorer.Status.LastError?.Contains("configuration: $: line 1, column 3: malformed JSON", StringComparison.Ordinal) == true, "the failed reload");
        Assert.Equal(20, scorer.Score(new Lead("L"), TestRuleSets.AsOf).Score);
    }

    [Fact]
    public void Without_a_host_a_broken_rule_set_fails_the_first_resolution_and_a_fixed_one_the_next()
    {
        string path = WriteRules("{ broken");
        using var provider = new ServiceCollection().AddLeadScoring(o => o.RuleSetPath = path).Services.BuildServiceProvider();
        var scorers = provider.GetRequiredService<ILeadScorerProvider>();
        var ex = Assert.Throws<OptionsValidationException>(() => scorers.GetScorer(string.Empty));
        Assert.Contains($"{path}: $: line 1, column 3: malformed JSON", ex.Message, StringComparison.Ordinal);

        File.WriteAllText(path, RuleSet(RuleA, "1"));
        Assert.Equal("1", scorers.GetScorer(string.Empty).Status.RuleSetVersion);
    }

    [Fact]
    public void Configuration_with_a_bad_flag_is_reported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WatchRuleSetFile"] = "sometimes", ["BuiltInRuleSet"] = "default" }).Build();
        using var provider = new ServiceCollection().AddLeadScoring(configuration).Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILeadScorer>());
        Assert.Contains("WatchRuleSetFile must be true or false, got 'sometimes'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mistyped_key_is_reported_with_a_suggestion_instead_of_serving_the_built_in_rule_set()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LeadScoring:RuleSetFile"] = "rules.json" }).Build();
        using var provider = new ServiceCollection().AddLeadScoring(configuration.GetSection("LeadScoring")).Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILeadScorer>());
        Assert.Contains("configuration section 'LeadScoring': unknown key 'RuleSetFile' (did you mean 'RuleSetPath'?)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("names no rule set", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_section_is_reported_and_the_built_in_rule_set_must_be_asked_for_by_name()
    {
        var empty = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Other:Key"] = "x" }).Build();
        using (var provider = new ServiceCollection().AddLeadScoring(empty.GetSection("LeadScoring")).Services.BuildServiceProvider())
        {
            var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ILeadScorer>());
            Assert.Contains("configuration section 'LeadScoring' is missing or empty", ex.Message, StringComparison.Ordinal);
        }

        var explicitDefault = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LeadScoring:BuiltInRuleSet"] = "default" }).Build();
        using (var provider = new ServiceCollection().AddLeadScoring(explicitDefault.GetSection("LeadScoring")).Services.BuildServiceProvider())
        {
            Assert.Equal(ScoringModel.Default, provider.GetRequiredService<ILeadScorer>().Model);
        }
    }

    [Fact]
    public void A_typo_added_by_a_configuration_reload_is_reported_and_the_last_good_rule_set_keeps_serving()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["LeadScoring:RuleSetJson"] = RuleSet(RuleA, "1") }).Build();
        using var provider = new ServiceCollection().AddLeadScoring(configuration.GetSection("LeadScoring")).Services.BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Equal("1", scorer.Status.RuleSetVersion);

        configuration["LeadScoring:RelaodDelay"] = "00:00:01";
        configuration.Reload();
        Eventually(() => scorer.Status.LastError?.Contains("unknown key 'RelaodDelay' (did you mean 'ReloadDelay'?)", StringComparison.Ordinal) == true, "the reported typo");
        Assert.Equal(10, scorer.Score(new Lead("L"), TestRuleSets.AsOf).Score);
    }

    [Fact]
    public void Status_clears_the_error_after_a_good_reload_and_counts_failures_and_the_first_load_is_logged()
    {
        string path = WriteRules(RuleSet(RuleA, "1"));
        var logs = new ListLoggerProvider();
        using var provider = WatchingFile(path, logs);
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains($"rule set (default) loaded from {path}", StringComparison.Ordinal));

        File.WriteAllText(path, "{ broken");
        Eventually(() => scorer.Status.LastError is not null, "the failed reload");
        Assert.Equal(1, scorer.Status.FailedReloads);

        File.WriteAllText(path, RuleSet(RuleB, "2"));
        Eventually(() => scorer.Status.RuleSetVersion == "2", "version 2");
        Assert.Null(scorer.Status.LastError);
        Assert.Null(scorer.Status.LastErrorAt);
        Assert.Equal(1, scorer.Status.FailedReloads);
    }

    [Fact]
    public void Named_rule_sets_are_keyed_services_and_try_get_scorer_never_throws()
    {
        string path = WriteRules(RuleSet(RuleA, "1"));
        using var provider = new ServiceCollection()
            .AddLeadScoring("smb", o => o.RuleSetPath = path).Services
            .AddLeadScoring("broken", o => o.RuleSetJson = "{ nope").Services
            .BuildServiceProvider();
        Assert.Equal("1", provider.GetRequiredKeyedService<ILeadScorer>("smb").Status.RuleSetVersion);
        var scorers = provider.GetRequiredService<ILeadScorerProvider>();
        Assert.True(scorers.TryGetScorer("smb", out var smb));
        Assert.Same(provider.GetRequiredKeyedService<ILeadScorer>("smb"), smb);
        Assert.False(scorers.TryGetScorer("broken", out var broken));
        Assert.Null(broken);
        Assert.False(scorers.TryGetScorer("unregistered", out _));
    }

    [Fact]
    public void A_relative_rule_set_path_resolves_against_the_content_root()
    {
        WriteRules(RuleSet(RuleA, "root"), "relative.json");
        using var provider = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment(_directory))
            .AddLeadScoring(o => o.RuleSetPath = "relative.json").Services
            .BuildServiceProvider();
        var scorer = provider.GetRequiredService<ILeadScorer>();
        Assert.Equal("root", scorer.Status.RuleSetVersion);
        Assert.Equal(Path.Combine(_directory, "relative.json"), scorer.Status.Source);
    }

    [Fact]
    public void A_configuration_change_to_another_rule_set_does_not_reload_this_one()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["A:RuleSetJson"] = RuleSet(RuleA, "1"),
            ["B:RuleSetJson"] = RuleSet(RuleB, "1"),
        }).Build();
        using var provider = new ServiceCollection()
            .AddLeadScoring("a", configuration.GetSection("A")).Services
            .AddLeadScoring("b", configuration.GetSection("B")).Services
            .BuildServiceProvider();
        var scorers = provider.GetRequiredService<ILeadScorerProvider>();
        var a = scorers.GetScorer("a");
        var b = scorers.GetScorer("b");

        configuration["B:RuleSetJson"] = RuleSet(RuleB, "2");
        configuration.Reload();
        Eventually(() => b.Status.RuleSetVersion == "2", "b version 2");
        Assert.Equal(0, a.Status.Reloads);
    }

    /// <summary>A container whose default scorer watches <paramref name="path"/> (reload delay 20 ms), logging to <paramref name="logs"/>.</summary>
    private static ServiceProvider WatchingFile(string path, ListLoggerProvider logs) => new ServiceCollection()
        .AddLogging(b => b.AddProvider(logs))
        .AddLeadScoring(o => (o.RuleSetPath, o.ReloadDelay) = (path, TimeSpan.FromMilliseconds(20))).Services
        .BuildServiceProvider();

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
