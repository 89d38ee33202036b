using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LeadScoring.Hosting;

/// <summary>
/// What a host can observe, named after the package (<c>LeadScoring.Hosting</c>): a <see cref="Meter"/> with scores by
/// stage, rule-set loads by outcome and load time, and an <see cref="ActivitySource"/> with one activity per load.
/// The engine's own <c>ScoringModel.Score</c> stays untouched (0 bytes); only the hosted scorer counts.
/// </summary>
public static class LeadScoringTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "LeadScoring.Hosting";

    internal static readonly ActivitySource Source = new(Name, typeof(LeadScoringTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(LeadScoringTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Leads scored by a hosted scorer, tagged with the rule set's registration name and the stage reached.</summary>
    internal static readonly Counter<long> Scores = Meter.CreateCounter<long>("leadscoring.scores", "{lead}", "Leads scored, by rule set and stage.");

    /// <summary>Rule-set loads (the first and every reload), tagged with the name and the outcome (success or failure).</summary>
    internal static readonly Counter<long> Loads = Meter.CreateCounter<long>("leadscoring.ruleset.loads", "{load}", "Rule-set loads and reloads, by outcome.");

    /// <summary>How long loading, validating and compiling a rule set took.</summary>
    internal static readonly Histogram<double> LoadDuration = Meter.CreateHistogram<double>("leadscoring.ruleset.load.duration", "s", "Time to load, validate and compile a rule set.");

    internal static void RecordLoad(string name, bool succeeded, TimeSpan elapsed)
    {
        var nameTag = new KeyValuePair<string, object?>("leadscoring.ruleset", name);
        Loads.Add(1, nameTag, new KeyValuePair<string, object?>("leadscoring.outcome", succeeded ? "success" : "failure"));
        LoadDuration.Record(elapsed.TotalSeconds, nameTag);
    }
}
