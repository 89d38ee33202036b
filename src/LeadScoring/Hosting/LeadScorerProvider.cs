using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>Creates each named scorer on first use and owns it until the container is disposed.</summary>
internal sealed class LeadScorerProvider(
    LeadScoringRegistry registry,
    IOptionsMonitor<LeadScoringOptions> monitor,
    TimeProvider time,
    ILoggerFactory? loggerFactory = null) : ILeadScorerProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ReloadingLeadScorer>> _scorers = new(StringComparer.Ordinal);
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

        return _scorers.GetOrAdd(name, n => new Lazy<ReloadingLeadScorer>(() => new ReloadingLeadScorer(n, monitor, time, _logger))).Value;
    }

    public void Dispose()
    {
        foreach (var scorer in _scorers.Values.Where(s => s.IsValueCreated))
        {
            scorer.Value.Dispose();
        }
    }
}

/// <summary>The names given to <c>AddLeadScoring</c>, shared by every registration in one container.</summary>
internal sealed class LeadScoringRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    public void Add(string name) => _names.Add(name);
}
