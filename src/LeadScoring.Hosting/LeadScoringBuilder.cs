using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>
/// What <c>AddLeadScoring</c> returns: one registered rule set, to configure further or to chain another rule set
/// onto, the way <c>AddOptions&lt;T&gt;()</c> returns an options builder.
/// </summary>
/// <example>
/// <code>
/// services.AddLeadScoring(configuration.GetSection("LeadScoring"))
///     .Configure(o => o.ReloadDelay = TimeSpan.FromSeconds(1))
///     .AddRuleSet("enterprise", configuration.GetSection("Enterprise"));
/// </code>
/// </example>
public sealed class LeadScoringBuilder
{
    private readonly OptionsBuilder<LeadScoringOptions> _options;

    internal LeadScoringBuilder(OptionsBuilder<LeadScoringOptions> options) => _options = options;

    /// <summary>The service collection the rule set is registered in.</summary>
    public IServiceCollection Services => _options.Services;

    /// <summary>The rule set's name: the empty string for the default scorer (<see cref="ILeadScorer"/>).</summary>
    public string Name => _options.Name;

    /// <summary>Configures this rule set's options further; runs after the delegate or configuration given to <c>AddLeadScoring</c>.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    public LeadScoringBuilder Configure(Action<LeadScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _options.Configure(configure);
        return this;
    }

    /// <summary>
    /// Adds a check of this rule set's options, run with the built-in ones when the host starts and on every reload;
    /// a failing check stops start-up, or keeps the last good rule set on reload, with <paramref name="failureMessage"/>.
    /// </summary>
    /// <param name="validation">True when the options are acceptable.</param>
    /// <param name="failureMessage">What to report when they are not.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LeadScoringBuilder Validate(Func<LeadScoringOptions, bool> validation, string failureMessage)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(failureMessage);
        _options.Validate(validation, failureMessage);
        return this;
    }

    /// <summary>Registers another, named rule set in the same services, configured in code.</summary>
    /// <param name="name">Its name (get its scorer from <see cref="ILeadScorerProvider"/> or as a keyed service).</param>
    /// <param name="configure">Sets where its rule set comes from.</param>
    /// <returns>The builder of the new rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LeadScoringBuilder AddRuleSet(string name, Action<LeadScoringOptions> configure) => Services.AddLeadScoring(name, configure);

    /// <summary>Registers another, named rule set in the same services, bound to a configuration section.</summary>
    /// <param name="name">Its name (get its scorer from <see cref="ILeadScorerProvider"/> or as a keyed service).</param>
    /// <param name="configuration">The section, reloaded when it changes.</param>
    /// <returns>The builder of the new rule set.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LeadScoringBuilder AddRuleSet(string name, IConfiguration configuration) => Services.AddLeadScoring(name, configuration);
}
