using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>
/// Serves one named rule set and keeps it current: on a change of its file or of its options, the new rule
/// set is loaded, validated and compiled on a timer thread, then swapped in with one atomic write. A rule
/// set that fails to load is logged and recorded in <see cref="Status"/>, and the last good one keeps serving.
/// </summary>
internal sealed partial class ReloadingLeadScorer : ILeadScorer, IDisposable
{
    private readonly string _name;
    private readonly IOptionsMonitor<LeadScoringOptions> _monitor;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly IDisposable? _optionsSubscription;
    private readonly ITimer _debounce;
    private LeadScoringOptions _options;
    private FileSystemWatcher? _watcher;
    private Snapshot _current;
    private bool _disposed;

    public ReloadingLeadScorer(string name, IOptionsMonitor<LeadScoringOptions> monitor, TimeProvider time, ILogger logger)
    {
        _name = name;
        _monitor = monitor;
        _time = time;
        _logger = logger;
        _options = monitor.Get(name); // validated: a broken rule set throws OptionsValidationException here
        ScoringModel model;
        using (var activity = LeadScoringTelemetry.Source.StartActivity("leadscoring.ruleset.load"))
        {
            activity?.SetTag("leadscoring.ruleset", name);
            long started = time.GetTimestamp();
            model = RuleSetLoader.Load(_options); // throws for a broken rule set when nothing validated the options first
            LeadScoringTelemetry.RecordLoad(name, succeeded: true, time.GetElapsedTime(started));
        }

        _current = new Snapshot(model, new RuleSetStatus(name, RuleSetLoader.Describe(_options), model.Name, model.Version, time.GetUtcNow(), reloads: 0, lastError: null, lastErrorAt: null));
        LogLoaded(_logger, DisplayName(name), RuleSetLoader.Describe(_options), model.Name, model.Version);
        _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Watch(_options);
        _optionsSubscription = monitor.OnChange((_, changed) =>
        {
            if (string.Equals(changed ?? Options.DefaultName, name, StringComparison.Ordinal))
            {
                OnOptionsChanged();
            }
        });
    }

    public ScoringModel Model => Volatile.Read(ref _current).Model;

    public RuleSetStatus Status => Volatile.Read(ref _current).Status;

    public LeadScore Score(Lead lead, DateTimeOffset? asOf = null)
    {
        var result = Model.Score(lead, asOf ?? _time.GetUtcNow());
        if (LeadScoringTelemetry.Scores.Enabled)
        {
            LeadScoringTelemetry.Scores.Add(1, new KeyValuePair<string, object?>("leadscoring.ruleset", _name), new KeyValuePair<string, object?>("leadscoring.stage", result.Stage ?? "none"));
        }

        return result;
    }

    public LeadScoreExplanation Explain(Lead lead, DateTimeOffset? asOf = null) => Model.Explain(lead, asOf ?? _time.GetUtcNow());

    public void Dispose()
    {
        lock (_reloadLock)
        {
            _disposed = true;
            _optionsSubscription?.Dispose();
            _watcher?.Dispose();
            _debounce.Dispose();
        }
    }

    private void OnOptionsChanged()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            LeadScoringOptions changed;
            try
            {
                changed = _monitor.Get(_name);
            }
            catch (OptionsValidationException ex)
            {
                Fail(RuleSetLoader.Describe(_options), string.Join(Environment.NewLine, ex.Failures));
                return;
            }

            if (SameSource(_options, changed))
            {
                return; // a configuration change elsewhere (another rule set's section, logging levels): nothing to reload
            }

            _options = changed;
            Watch(_options);
            Reload();
        }
    }

    /// <summary>Loads the rule set the current options name and swaps it in, or records why not.</summary>
    private void Reload()
    {
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            string source = RuleSetLoader.Describe(_options);
            using var activity = LeadScoringTelemetry.Source.StartActivity("leadscoring.ruleset.reload");
            activity?.SetTag("leadscoring.ruleset", _name);
            activity?.SetTag("leadscoring.source", source);
            long started = _time.GetTimestamp();
            bool loaded = RuleSetLoader.TryLoad(_options, out var model, out var problems);
            LeadScoringTelemetry.RecordLoad(_name, loaded, _time.GetElapsedTime(started));
            if (!loaded || model is null)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "the rule set failed to load");
                Fail(source, string.Join(Environment.NewLine, problems));
                return;
            }

            var status = _current.Status.Reloaded(source, model, _time.GetUtcNow());
            Volatile.Write(ref _current, new Snapshot(model, status)); // the swap: readers see the old or the new snapshot
            LogReloaded(_logger, DisplayName(_name), source, model.Name, model.Version);
        }
    }

    private void Fail(string source, string errors)
    {
        var snapshot = _current;
        LogReloadFailed(_logger, DisplayName(_name), source, snapshot.Model.Name, snapshot.Model.Version, errors); // logged before the status shows it
        Volatile.Write(ref _current, snapshot with { Status = snapshot.Status.Failed(errors, _time.GetUtcNow()) });
    }

    private static string DisplayName(string name) => name.Length == 0 ? "(default)" : name;

    private static bool SameSource(LeadScoringOptions a, LeadScoringOptions b) =>
        a.RuleSetPath == b.RuleSetPath && a.RuleSetJson == b.RuleSetJson && a.BuiltInRuleSet == b.BuiltInRuleSet
        && a.WatchRuleSetFile == b.WatchRuleSetFile && a.ReloadDelay == b.ReloadDelay
        && a.ConfigurationProblems.SequenceEqual(b.ConfigurationProblems);

    private void Watch(LeadScoringOptions options)
    {
        _watcher?.Dispose();
        _watcher = null;
        if (!options.WatchRuleSetFile || string.IsNullOrWhiteSpace(options.RuleSetPath))
        {
            return;
        }

        string path = Path.GetFullPath(options.RuleSetPath);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        var delay = options.ReloadDelay;
        FileSystemEventHandler changed = (_, _) => _debounce.Change(delay, Timeout.InfiniteTimeSpan);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Renamed += (_, _) => _debounce.Change(delay, Timeout.InfiniteTimeSpan);
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Lead-scoring rule set {Name} loaded from {Source}: {RuleSetName} {RuleSetVersion}")]
    private static partial void LogLoaded(ILogger logger, string name, string source, string? ruleSetName, string? ruleSetVersion);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Lead-scoring rule set '{Name}' reloaded from {Source}: {RuleSetName} {RuleSetVersion}")]
    private static partial void LogReloaded(ILogger logger, string name, string source, string? ruleSetName, string? ruleSetVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Lead-scoring rule set '{Name}' failed to reload from {Source}; still serving {RuleSetName} {RuleSetVersion}. Errors:\n{Errors}")]
    private static partial void LogReloadFailed(ILogger logger, string name, string source, string? ruleSetName, string? ruleSetVersion, string errors);

    private sealed record Snapshot(ScoringModel Model, RuleSetStatus Status);
}
