namespace LeadScoring.Hosting;

/// <summary>
/// Where a host's rule set comes from. Set at most one of <see cref="RuleSetPath"/>, <see cref="RuleSetJson"/>
/// and <see cref="BuiltInRuleSet"/>; set in code with none, the built-in <c>default</c> rule set is used. Bind it from
/// a configuration section (<c>"LeadScoring": { "RuleSetPath": "rules.json" }</c>) or set it in code; bound from
/// configuration, unknown keys, bad values and a section that names no rule set are start-up errors.
/// </summary>
public sealed class LeadScoringOptions
{
    /// <summary>Creates options with no source set (the built-in rule set), watching files, with a 100 ms reload delay.</summary>
    public LeadScoringOptions()
    {
    }

    /// <summary>
    /// A rule-set JSON file: a relative path resolves against the host's content root (without a host, the current
    /// directory). Reloaded when it changes, unless <see cref="WatchRuleSetFile"/> is false.
    /// </summary>
    public string? RuleSetPath { get; set; }

    /// <summary>The rule set itself, as JSON (for example inline in configuration). Reloaded when the configuration changes.</summary>
    public string? RuleSetJson { get; set; }

    /// <summary>The name of a rule set built into the package (see <see cref="ScoringModel.BuiltInNames"/>).</summary>
    public string? BuiltInRuleSet { get; set; }

    /// <summary>Whether to watch <see cref="RuleSetPath"/> and reload it when it changes (default true).</summary>
    public bool WatchRuleSetFile { get; set; } = true;

    /// <summary>How long to wait after a file change before reloading, so that a burst of writes loads once (default 100 ms).</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>What was wrong in the configuration these options were bound from (unknown keys, bad values, no source).</summary>
    internal List<string> ConfigurationProblems { get; } = [];
}
