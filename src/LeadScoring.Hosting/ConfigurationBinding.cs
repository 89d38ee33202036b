using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadScoring.Hosting;

/// <summary>
/// Binds <see cref="LeadScoringOptions"/> from a configuration section by hand (five keys), so the package
/// stays trimming- and AOT-safe without the reflection-based binder, and reloads when the section changes.
/// Nothing goes wrong silently: an unknown key (with a suggestion), a bad value, a missing section or a section
/// that names no rule set is a problem the validator reports at start-up (and a reload reports and survives).
/// </summary>
internal sealed class ConfigurationBinding(string name, IConfiguration section) : IConfigureNamedOptions<LeadScoringOptions>, IOptionsChangeTokenSource<LeadScoringOptions>
{
    private static readonly string[] Keys =
    [
        nameof(LeadScoringOptions.RuleSetPath), nameof(LeadScoringOptions.RuleSetJson), nameof(LeadScoringOptions.BuiltInRuleSet),
        nameof(LeadScoringOptions.WatchRuleSetFile), nameof(LeadScoringOptions.ReloadDelay),
    ];

    // Names people reach for that are too far from the real key for an edit-distance suggestion.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RuleSetFile"] = nameof(LeadScoringOptions.RuleSetPath),
        ["RulesFile"] = nameof(LeadScoringOptions.RuleSetPath),
        ["RulesPath"] = nameof(LeadScoringOptions.RuleSetPath),
        ["Path"] = nameof(LeadScoringOptions.RuleSetPath),
        ["File"] = nameof(LeadScoringOptions.RuleSetPath),
        ["Json"] = nameof(LeadScoringOptions.RuleSetJson),
        ["RuleSet"] = nameof(LeadScoringOptions.RuleSetJson),
        ["BuiltIn"] = nameof(LeadScoringOptions.BuiltInRuleSet),
        ["WatchFile"] = nameof(LeadScoringOptions.WatchRuleSetFile),
        ["Watch"] = nameof(LeadScoringOptions.WatchRuleSetFile),
    };

    public string Name => name;

    public void Configure(LeadScoringOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? optionsName, LeadScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        string where = section is IConfigurationSection named ? $"configuration section '{named.Path}'" : "configuration";
        if (section is IConfigurationSection { } missing && !missing.Exists())
        {
            options.ConfigurationProblems.Add($"{where} is missing or empty; set RuleSetPath, RuleSetJson or BuiltInRuleSet (BuiltInRuleSet: default for the rule set built into the package)");
            return;
        }

        foreach (var child in section.GetChildren())
        {
            if (!Keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                string suggestion = Aliases.TryGetValue(child.Key, out string? meant) ? $" (did you mean '{meant}'?)" : Suggestions.DidYouMean(child.Key, Keys);
                options.ConfigurationProblems.Add($"{where}: unknown key {Quoted.Text(child.Key)}{suggestion}; expected one of: {string.Join(", ", Keys)}");
            }
        }

        options.RuleSetPath = section[nameof(LeadScoringOptions.RuleSetPath)] ?? options.RuleSetPath;
        options.RuleSetJson = section[nameof(LeadScoringOptions.RuleSetJson)] ?? options.RuleSetJson;
        options.BuiltInRuleSet = section[nameof(LeadScoringOptions.BuiltInRuleSet)] ?? options.BuiltInRuleSet;
        if (section[nameof(LeadScoringOptions.WatchRuleSetFile)] is { } watch)
        {
            if (bool.TryParse(watch, out bool value))
            {
                options.WatchRuleSetFile = value;
            }
            else
            {
                options.ConfigurationProblems.Add($"{where}: WatchRuleSetFile must be true or false, got {Quoted.Text(watch)}");
            }
        }

        if (section[nameof(LeadScoringOptions.ReloadDelay)] is { } delay)
        {
            if (TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var value))
            {
                options.ReloadDelay = value;
            }
            else
            {
                options.ConfigurationProblems.Add($"{where}: ReloadDelay must be a time span such as 00:00:00.250, got {Quoted.Text(delay)}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.RuleSetPath) && string.IsNullOrWhiteSpace(options.RuleSetJson) && string.IsNullOrWhiteSpace(options.BuiltInRuleSet))
        {
            // Bound from configuration, no source is a mistake (a mistyped key, a renamed section), not a wish for the
            // built-in rule set: that one is asked for by name.
            options.ConfigurationProblems.Add($"{where} names no rule set; set RuleSetPath, RuleSetJson or BuiltInRuleSet (BuiltInRuleSet: default for the rule set built into the package)");
        }
    }

    public IChangeToken GetChangeToken() => section.GetReloadToken();
}
