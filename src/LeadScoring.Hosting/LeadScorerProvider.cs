using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>Creates each named scorer on first use and owns it until the container is disposed.</summary>
internal sealed class LeadScorerProvider(
    LeadScoringRegistry registry,
    IOptionsMonitor<LeadScoringOptions> monitor,
    IOptionsMonitorCache<LeadScoringOptions> optionsCache,
    TimeProvider time,
    ILoggerFactory? loggerFactory = null) : ILeadScorerProvider, IDisposable
{
    private readonly Dictionary<string, ReloadingLeadScorer> _scorers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly ILogger _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LeadScoring");

    public IReadOnlyCollection<string> Names => registry.Names;

    public ILeadScorer GetScorer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.Names.Contains(name))
        {
            string registered = registry.Names.Count == 0 ? "none" : string.Join(", ", registry.Names.Select(n => n.Length == 0 ? "(default)" : $"'{n}'"));
            throw new InvalidOperationException(
                $"No lead-scoring rule set {(name.Length == 0 ? "without a name (the default)" : $"named '{name}'")} is registered; registered: {registered}. Register it with services.AddLeadScoring(...).");
        }

        // Created under a lock rather than through a Lazy: a scorer whose rule set fails to load must be
        // retried on the next request (after the file is fixed), not fail forever with a cached exception.
        lock (_lock)
        {
            if (!_scorers.TryGetValue(name, out var scorer))
            {
                try
                {
                    scorer = new ReloadingLeadScorer(name, monitor, time, _logger);
                }
                catch (OptionsValidationException)
                {
                    optionsCache.TryRemove(name); // the options cache keeps a failed creation; drop it so a fixed file can load
                    throw;
                }

                _scorers.Add(name, scorer);
            }

            return scorer;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var scorer in _scorers.Values)
            {
                scorer.Dispose();
            }

            _scorers.Clear();
        }
    }
}
