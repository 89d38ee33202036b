using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadScoring.Hosting;

/// <summary>
/// Registers lead scoring in a service collection: <see cref="ILeadScorer"/> (the default rule set) and
/// <see cref="ILeadScorerProvider"/> (named rule sets), with options validated at start-up and rule sets
/// reloaded when their file or configuration changes.
/// </summary>
public static class LeadScoringServiceCollectionExtensions
{
    /// <summary>Registers the default scorer with the built-in rule set.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The rule set's builder, to configure it further or chain another rule set (its <see cref="LeadScoringBuilder.Services"/> are these services).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeadScoringBuilder AddLeadScoring(this IServiceCollection services) =>
        AddLeadScoring(services, Options.DefaultName, static _ => { });

    /// <summary>Registers the default scorer, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets where the rule set comes from.</param>
    /// <returns>The rule set's builder, to configure it further or chain another rule set (its <see cref="LeadScoringBuilder.Services"/> are these services).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeadScoringBuilder AddLeadScoring(this IServiceCollection services, Action<LeadScoringOptions> configure) =>
        AddLeadScoring(services, Options.DefaultName, configure);

    /// <summary>Registers the default scorer, bound to a configuration section (reloaded when it changes).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, such as <c>configuration.GetSection("LeadScoring")</c>.</param>
    /// <returns>The rule set's builder, to configure it further or chain another rule set (its <see cref="LeadScoringBuilder.Services"/> are these services).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeadScoringBuilder AddLeadScoring(this IServiceCollection services, IConfiguration configuration) =>
        AddLeadScoring(services, Options.DefaultName, configuration);

    /// <summary>Registers a named scorer (get it from <see cref="ILeadScorerProvider"/>), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The rule set's name (the empty string is the default scorer).</param>
    /// <param name="configure">Sets where the rule set comes from.</param>
    /// <returns>The rule set's builder, to configure it further or chain another rule set (its <see cref="LeadScoringBuilder.Services"/> are these services).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeadScoringBuilder AddLeadScoring(this IServiceCollection services, string name, Action<LeadScoringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return new LeadScoringBuilder(AddCore(services, name).Configure(configure));
    }

    /// <summary>Registers a named scorer (get it from <see cref="ILeadScorerProvider"/>), bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The rule set's name (the empty string is the default scorer).</param>
    /// <param name="configuration">The section, reloaded when it changes.</param>
    /// <returns>The rule set's builder, to configure it further or chain another rule set (its <see cref="LeadScoringBuilder.Services"/> are these services).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static LeadScoringBuilder AddLeadScoring(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = AddCore(services, name);
        var binding = new ConfigurationBinding(name, configuration);
        services.AddSingleton<IConfigureOptions<LeadScoringOptions>>(binding);
        services.AddSingleton<IOptionsChangeTokenSource<LeadScoringOptions>>(binding);
        return new LeadScoringBuilder(options);
    }

    private static OptionsBuilder<LeadScoringOptions> AddCore(IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);

        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(LeadScoringRegistry))?.ImplementationInstance as LeadScoringRegistry;
        if (registry is null)
        {
            registry = new LeadScoringRegistry();
            services.AddSingleton(registry);
        }

        registry.Add(name);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LeadScoringOptions>, LeadScoringOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LeadScoringOptions>, ContentRootPaths>());
        services.AddKeyedSingleton<ILeadScorer>(name, (sp, _) => sp.GetRequiredService<ILeadScorerProvider>().GetScorer(name));
        services.TryAddSingleton<ILeadScorerProvider, LeadScorerProvider>();
        services.TryAddSingleton(sp => sp.GetRequiredService<ILeadScorerProvider>().GetScorer(Options.DefaultName));
        return services.AddOptions<LeadScoringOptions>(name).ValidateOnStart();
    }
}
