using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace LeadScoring.Hosting;

/// <summary>
/// Binds <see cref="LeadScoringOptions"/> from a configuration section by hand (five keys), so the package
/// stays trimming- and AOT-safe without the reflection-based binder, and reloads when the section changes.
/// </summary>
internal sealed class ConfigurationBinding(string name, IConfiguration section) : IConfigureNamedOptions<LeadScoringOptions>, IOptionsChangeTokenSource<LeadScoringOptions>
{
    public string Name => name;

    public void Configure(LeadScoringOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? optionsName, LeadScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return;
        }

        options.RuleSetPath = section[nameof(LeadScoringOptions.RuleSetPath)] ?? options.RuleSetPath;
        options.RuleSetJson = section[nameof(LeadScoringOptions.RuleSetJson)] ?? options.RuleSetJson;
        options.BuiltInRuleSet = section[nameof(LeadScoringOptions.BuiltInRuleSet)] ?? options.BuiltInRuleSet;
        if (section[nameof(LeadScoringOptions.WatchRuleSetFile)] is { } watch)
        {
            options.WatchRuleSetFile = bool.TryParse(watch, out bool value)
                ? value
                : throw new FormatException($"LeadScoring configuration: WatchRuleSetFile must be true or false, got '{watch}'.");
        }

        if (section[nameof(LeadScoringOptions.ReloadDelay)] is { } delay)
        {
            options.ReloadDelay = TimeSpan.TryParse(delay, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"LeadScoring configuration: ReloadDelay must be a time span such as 00:00:00.250, got '{delay}'.");
        }
    }

    public IChangeToken GetChangeToken() => section.GetReloadToken();
}
